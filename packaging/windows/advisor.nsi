; COR/SECOR Advisor: the Windows installer. Per user, no administrator rights:
; installs under %LOCALAPPDATA%\Programs, a Start-menu shortcut, the .coradvice
; file association (HKCU) and an uninstaller listed in Settings > Apps.
;
; Built by packaging/build.py, which passes the version from advisor_gui and
; the frozen one-folder bundle:
;   makensis -DVERSION=0.1.0 -DVERSION_QUAD=0.1.0.0
;            -DPAYLOAD=build\frozen\cor-secor-advisor -DOUTFILE=dist\setup.exe
;            [-DICON=build\icons\advisor.ico] packaging\windows\advisor.nsi
; The tests compile it the same way with Debian's makensis and a stand-in payload.

Unicode true
ManifestDPIAware true

!ifndef VERSION
  !error "define VERSION (packaging/build.py passes advisor_gui.__version__)"
!endif
!ifndef VERSION_QUAD
  !error "define VERSION_QUAD, the version as four numbers (0.1.0.0)"
!endif
!ifndef PAYLOAD
  !error "define PAYLOAD, the frozen one-folder bundle"
!endif
!ifndef OUTFILE
  !error "define OUTFILE, the installer to write"
!endif
!ifndef APP_NAME
  !define APP_NAME "COR/SECOR Advisor"
!endif
!ifndef PUBLISHER
  !define PUBLISHER "COR-SECOR Advisor"
!endif
!ifndef SLUG
  !define SLUG "cor-secor-advisor"
!endif
!define DIR_NAME "COR-SECOR Advisor"  ; a folder name cannot hold "/"
!define EXE "${SLUG}.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${SLUG}"
!define PROGID "CorSecorAdvisor.ClientFile"
!define SHCNE_ASSOCCHANGED 0x08000000

Name "${APP_NAME}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${DIR_NAME}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
SetCompressor /SOLID lzma
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION_QUAD}"
VIFileVersion "${VERSION_QUAD}"
VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP_NAME} ${VERSION} setup"
VIAddVersionKey /LANG=0 "LegalCopyright" "${PUBLISHER}"

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"

!ifdef ICON
  !define MUI_ICON "${ICON}"
  !define MUI_UNICON "${ICON}"
!endif
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "French"

Function .onInit
  SetShellVarContext current
FunctionEnd

Function un.onInit
  SetShellVarContext current
FunctionEnd

Section "!${APP_NAME}" SecApp
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; An update replaces the bundle: files a newer build no longer ships go.
  RMDir /r "$INSTDIR\_internal"
  File /r "${PAYLOAD}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${DIR_NAME}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0

  ; .coradvice client files open in the app (per user, no admin rights).
  WriteRegStr HKCU "Software\Classes\.coradvice" "" "${PROGID}"
  WriteRegStr HKCU "Software\Classes\.coradvice" "Content Type" "application/x-coradvice"
  WriteRegStr HKCU "Software\Classes\.coradvice\OpenWithProgids" "${PROGID}" ""
  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "${APP_NAME} client file"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\${EXE},0"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\${EXE}" "%1"'

  ; Settings > Apps.
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${EXE},0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" "$0"

  System::Call 'shell32::SHChangeNotify(i ${SHCNE_ASSOCCHANGED}, i 0, p 0, p 0)'
SectionEnd

; Removes the program only: settings, autosaves and client files stay.
Section "Uninstall"
  Delete "$SMPROGRAMS\${DIR_NAME}.lnk"

  ReadRegStr $0 HKCU "Software\Classes\.coradvice" ""
  ${If} $0 == "${PROGID}"
    DeleteRegValue HKCU "Software\Classes\.coradvice" ""
  ${EndIf}
  DeleteRegValue HKCU "Software\Classes\.coradvice\OpenWithProgids" "${PROGID}"
  DeleteRegKey /ifempty HKCU "Software\Classes\.coradvice\OpenWithProgids"
  DeleteRegValue HKCU "Software\Classes\.coradvice" "Content Type"
  DeleteRegKey /ifempty HKCU "Software\Classes\.coradvice"
  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"

  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\${SLUG}-cli.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  System::Call 'shell32::SHChangeNotify(i ${SHCNE_ASSOCCHANGED}, i 0, p 0, p 0)'
SectionEnd
