<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA" sourcelanguage="en_CA">
<context>
    <name>About</name>
    <message>
        <source>Which workplace-safety certification fits a Canadian operation: COR or the small-employer program, province by province, with sources.</source>
        <translation>Quelle certification en santé et sécurité du travail convient à une entreprise canadienne&#xa0;: le COR ou le programme pour petits employeurs, province par province, sources à l&apos;appui.</translation>
    </message>
    <message>
        <source>Rules dataset {0}, effective {1}, last reviewed {2}; {3} sources, led by {4}, “{5}”.</source>
        <translation>Règles {0}, en vigueur le {1}, révisées le {2}; {3} sources, d&apos;abord {4}, «&#xa0;{5}&#xa0;».</translation>
    </message>
    <message>
        <source>Certifying partners and prime contractors have the final word on what they accept.</source>
        <translation>Les partenaires de certification et les entrepreneurs principaux ont le dernier mot sur ce qu&apos;ils acceptent.</translation>
    </message>
    <message>
        <source>Map of Canada adapted from “Map of Canada” by MapSVG (mapsvg.com), licensed CC BY 4.0; reprojected to Lambert conformal conic.</source>
        <translation>Carte du Canada adaptée de «&#xa0;Map of Canada&#xa0;» de MapSVG (mapsvg.com), sous licence CC BY 4.0; reprojetée en projection conique conforme de Lambert.</translation>
    </message>
    <message>
        <source>About {0}</source>
        <translation>À propos de {0}</translation>
    </message>
</context>
<context>
    <name>AboutRulesDialog</name>
    <message>
        <source>About the Rules</source>
        <translation>À propos des règles</translation>
    </message>
    <message>
        <source>The rules in use</source>
        <translation>Les règles en usage</translation>
    </message>
    <message>
        <source>&amp;Rules</source>
        <translation>&amp;Règles</translation>
    </message>
    <message>
        <source>Sources of the rules</source>
        <translation>Sources des règles</translation>
    </message>
    <message>
        <source>&amp;Sources ({0})</source>
        <translation>&amp;Sources ({0})</translation>
    </message>
    <message>
        <source>Changelog of the rules</source>
        <translation>Historique des modifications des règles</translation>
    </message>
    <message>
        <source>The changelog is not included in this installation.</source>
        <translation>L&apos;historique des modifications n&apos;est pas inclus dans cette installation.</translation>
    </message>
    <message>
        <source>&amp;Changelog</source>
        <translation>&amp;Historique</translation>
    </message>
    <message>
        <source>Due for review: the last review was more than a year ago (review was due by {0}).</source>
        <translation>Révision nécessaire&#xa0;: la dernière révision date de plus d&apos;un an (elle était prévue au plus tard le {0}).</translation>
    </message>
    <message>
        <source>Current: next review due by {0}.</source>
        <translation>À jour&#xa0;: prochaine révision au plus tard le {0}.</translation>
    </message>
    <message>
        <source>An installed update: {0}</source>
        <translation>Une mise à jour installée&#xa0;: {0}</translation>
    </message>
    <message>
        <source>The rules that came with the advisor</source>
        <translation>Les règles livrées avec l&apos;application</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Effective</source>
        <translation>En vigueur</translation>
    </message>
    <message>
        <source>Last reviewed</source>
        <translation>Dernière révision</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Révision</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>En usage</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Contenu</translation>
    </message>
    <message>
        <source>{0} jurisdictions, {1} rules, {2} source notes, {3} sources</source>
        <translation>{0} provinces et territoires, {1} règles, {2} notes de divergence, {3} sources</translation>
    </message>
    <message>
        <source>Programs, thresholds and certifying partners change. Your office can hand you an updated rules file: File ▸ Import Rules… checks it, shows what it changes and installs it; File ▸ Revert to Bundled Rules goes back.</source>
        <translation>Les programmes, les seuils et les partenaires de certification changent. Votre bureau peut vous remettre un fichier de règles à jour&#xa0;: Fichier ▸ Importer des règles… le vérifie, montre ce qu&apos;il change et l&apos;installe; Fichier ▸ Revenir aux règles d&apos;origine annule la mise à jour.</translation>
    </message>
    <message>
        <source>Changes from the bundled rules</source>
        <translation>Changements par rapport aux règles d&apos;origine</translation>
    </message>
    <message>
        <source>the article</source>
        <translation>l&apos;article</translation>
    </message>
    <message>
        <source>official</source>
        <translation>source officielle</translation>
    </message>
    <message>
        <source>certifying partner</source>
        <translation>partenaire de certification</translation>
    </message>
    <message>
        <source>third party</source>
        <translation>tiers</translation>
    </message>
    <message>
        <source>No web address: the article this dataset follows</source>
        <translation>Aucune adresse Web&#xa0;: l&apos;article que suivent ces règles</translation>
    </message>
    <message>
        <source>published {0}</source>
        <translation>publié le {0}</translation>
    </message>
    <message>
        <source>accessed {0}</source>
        <translation>consulté le {0}</translation>
    </message>
    <message>
        <source>Addresses are shown as text to copy: the advisor works offline and opens nothing.</source>
        <translation>Les adresses sont affichées comme texte à copier&#xa0;: l&apos;application fonctionne hors ligne et n&apos;ouvre rien.</translation>
    </message>
</context>
<context>
    <name>AnswerHistory</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;Undo {0}</source>
        <translation>&amp;Annuler&#xa0;: {0}</translation>
    </message>
    <message>
        <source>&amp;Undo Change {0}</source>
        <translation>&amp;Annuler la modification&#xa0;: {0}</translation>
    </message>
    <message>
        <source>&amp;Redo {0}</source>
        <translation>&amp;Rétablir&#xa0;: {0}</translation>
    </message>
    <message>
        <source>&amp;Redo Change {0}</source>
        <translation>&amp;Rétablir la modification&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Add Scenario</source>
        <translation>Ajout d&apos;un scénario</translation>
    </message>
    <message>
        <source>Rename Scenario</source>
        <translation>Changement de nom d&apos;un scénario</translation>
    </message>
    <message>
        <source>Edit Scenario Answers</source>
        <translation>Modification des réponses d&apos;un scénario</translation>
    </message>
    <message>
        <source>Delete Scenario</source>
        <translation>Suppression d&apos;un scénario</translation>
    </message>
    <message>
        <source>Add Prime Contractor</source>
        <translation>Ajout d&apos;un entrepreneur principal</translation>
    </message>
    <message>
        <source>Edit Prime Contractor</source>
        <translation>Modification d&apos;un entrepreneur principal</translation>
    </message>
    <message>
        <source>Remove Prime Contractor</source>
        <translation>Retrait d&apos;un entrepreneur principal</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>réponses</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>province</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>nombre de travailleurs</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>secteur</translation>
    </message>
    <message>
        <source>Public-Sector Bids</source>
        <translation>soumissions publiques</translation>
    </message>
    <message>
        <source>Prime Contractor</source>
        <translation>entrepreneur principal</translation>
    </message>
    <message>
        <source>Prequalification Platforms</source>
        <translation>plateformes de préqualification</translation>
    </message>
    <message>
        <source>Multiple Sites</source>
        <translation>plusieurs chantiers</translation>
    </message>
    <message>
        <source>Other Provinces</source>
        <translation>autres provinces</translation>
    </message>
    <message>
        <source>Current Certification</source>
        <translation>certification actuelle</translation>
    </message>
    <message>
        <source>Sub-Trades</source>
        <translation>sous-traitants</translation>
    </message>
    <message>
        <source>“{0}”</source>
        <translation>«&#xa0;{0}&#xa0;»</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>The rules dataset could not be loaded, so the advisor cannot start.</source>
        <translation>Les règles n&apos;ont pas pu être chargées; l&apos;application ne peut donc pas démarrer.</translation>
    </message>
    <message>
        <source>An installed rules update could not be used, so the advisor uses the next newest valid rules (shown in the status bar). Import the update again, or revert to the bundled rules.</source>
        <translation>Une mise à jour des règles installée n&apos;a pas pu être utilisée; l&apos;application utilise donc les règles valides les plus récentes suivantes (indiquées dans la barre d&apos;état). Importez de nouveau la mise à jour ou revenez aux règles d&apos;origine.</translation>
    </message>
</context>
<context>
    <name>ClientNameField</name>
    <message>
        <source>Printed on the summary</source>
        <translation>Imprimé sur le résumé</translation>
    </message>
    <message>
        <source>Client name</source>
        <translation>Nom du client</translation>
    </message>
    <message>
        <source>The client&apos;s name, printed on the recommendation summary</source>
        <translation>Le nom du client, imprimé sur le résumé de la recommandation</translation>
    </message>
    <message>
        <source>C&amp;lient name:</source>
        <translation>Nom du c&amp;lient&#xa0;:</translation>
    </message>
    <message>
        <source>{0} / {1}</source>
        <translation>{0} / {1}</translation>
    </message>
    <message>
        <source>Names typed here are limited to {0} characters; a longer name read from a file is kept whole.</source>
        <translation>Les noms saisis ici sont limités à {0} caractères; un nom plus long lu dans un fichier est conservé en entier.</translation>
    </message>
    <message>
        <source>Names typed here are limited to {0} characters.</source>
        <translation>Les noms saisis ici sont limités à {0} caractères.</translation>
    </message>
</context>
<context>
    <name>ClientNotesPanel</name>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Shows or hides the notes for this client</source>
        <translation>Affiche ou masque les notes sur ce client</translation>
    </message>
    <message>
        <source>Notes for this client: what they told you, what to check next…</source>
        <translation>Notes sur ce client&#xa0;: ce qu&apos;il vous a dit, ce qu&apos;il faut vérifier ensuite…</translation>
    </message>
    <message>
        <source>Notes: {0}</source>
        <translation>Notes&#xa0;: {0}</translation>
    </message>
</context>
<context>
    <name>ClientPlanPanel</name>
    <message>
        <source>Client plan</source>
        <translation>Plan du client</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Non indiquée</translation>
    </message>
    <message>
        <source>Date on the certificate the client holds</source>
        <translation>Date inscrite sur le certificat que détient le client</translation>
    </message>
    <message>
        <source>Certificate date:</source>
        <translation>Date du certificat&#xa0;:</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Target audit date:</source>
        <translation>Date visée de l&apos;audit&#xa0;:</translation>
    </message>
    <message>
        <source>From the rules</source>
        <translation>Selon les règles</translation>
    </message>
    <message>
        <source>Target date for the COR audit, for example a tender</source>
        <translation>Date visée pour l&apos;audit COR, par exemple un appel d&apos;offres</translation>
    </message>
    <message>
        <source>A tender&apos;s date, for example; not saved in the client file</source>
        <translation>La date d&apos;un appel d&apos;offres, par exemple; elle n&apos;est pas enregistrée dans le dossier client</translation>
    </message>
    <message>
        <source>Plan steps</source>
        <translation>Étapes du plan</translation>
    </message>
    <message>
        <source>Export Calendar…</source>
        <translation>Exporter le calendrier…</translation>
    </message>
    <message>
        <source>Save the dated steps as a calendar file (.ics)</source>
        <translation>Enregistrer les étapes datées dans un fichier de calendrier (.ics)</translation>
    </message>
    <message>
        <source>Every step cites its rule; steps no source dates are listed without a date.</source>
        <translation>Chaque étape cite sa règle; les étapes qu&apos;aucune source ne date figurent sans date.</translation>
    </message>
    <message>
        <source>Select a step to see its rule and source.</source>
        <translation>Choisissez une étape pour voir sa règle et sa source.</translation>
    </message>
    <message>
        <source>Rule {0} — source: {1}</source>
        <translation>Règle {0} — source&#xa0;: {1}</translation>
    </message>
    <message>
        <source>Recommended: {0}. Target for the COR audit: {1}.</source>
        <translation>Recommandation&#xa0;: {0}. Date visée pour l&apos;audit COR&#xa0;: {1}.</translation>
    </message>
    <message>
        <source>Recommended: {0}.</source>
        <translation>Recommandation&#xa0;: {0}.</translation>
    </message>
    <message>
        <source>No steps: the client holds no certificate and COR is not recommended.</source>
        <translation>Aucune étape&#xa0;: le client ne détient aucun certificat et le COR n&apos;est pas recommandé.</translation>
    </message>
    <message>
        <source>The plan has no dated steps to put in a calendar.</source>
        <translation>Le plan ne compte aucune étape datée à mettre dans un calendrier.</translation>
    </message>
    <message>
        <source>Export Audit Calendar</source>
        <translation>Exporter le calendrier des audits</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>Fichiers de calendrier (*.ics)</translation>
    </message>
    <message>
        <source>The calendar could not be saved.</source>
        <translation>Le calendrier n&apos;a pas pu être enregistré.</translation>
    </message>
    <message>
        <source>{0}

The previous file, if any, is unchanged.</source>
        <translation>{0}

Le fichier précédent, s&apos;il y en a un, est inchangé.</translation>
    </message>
    <message>
        <source>Calendar saved: {0}</source>
        <translation>Calendrier enregistré&#xa0;: {0}</translation>
    </message>
</context>
<context>
    <name>ComparisonPane</name>
    <message>
        <source>COR compared with the small-employer program</source>
        <translation>Le COR comparé au programme pour petits employeurs</translation>
    </message>
    <message>
        <source>Comparison of COR and the small-employer program</source>
        <translation>Comparaison du COR et du programme pour petits employeurs</translation>
    </message>
    <message>
        <source>Show the &amp;Map</source>
        <translation>&amp;Réafficher la carte</translation>
    </message>
    <message numerus="yes">
        <source>Show All %n &amp;Rows</source>
        <translation>
            <numerusform>&amp;Voir la %n ligne</numerusform>
            <numerusform>&amp;Voir les %n lignes</numerusform>
        </translation>
    </message>
    <message>
        <source>Give the map its room back</source>
        <translation>Redonner sa place à la carte</translation>
    </message>
    <message>
        <source>Close the map pane so that every row of the comparison shows</source>
        <translation>Fermer le volet de la carte pour voir toutes les lignes de la comparaison</translation>
    </message>
</context>
<context>
    <name>DatasetDiff</name>
    <message>
        <source>Dataset</source>
        <extracomment>Areas in the order they are reported, with their headings.</extracomment>
        <translation>Règles</translation>
    </message>
    <message>
        <source>Jurisdictions</source>
        <translation>Provinces et territoires</translation>
    </message>
    <message>
        <source>Certifying partners</source>
        <translation>Partenaires de certification</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Règles de décision</translation>
    </message>
    <message>
        <source>Source notes</source>
        <translation>Notes de divergence</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Programs</source>
        <translation>Programmes</translation>
    </message>
    <message>
        <source>Sectors</source>
        <translation>Secteurs</translation>
    </message>
    <message>
        <source>Interview questions</source>
        <translation>Questions de l&apos;entrevue</translation>
    </message>
    <message>
        <source>Comparison table</source>
        <translation>Tableau comparatif</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>Conseils</translation>
    </message>
    <message>
        <source>Questions and answers</source>
        <translation>Questions et réponses</translation>
    </message>
    <message>
        <source>schema version</source>
        <extracomment>Human names of fields, where the attribute name is not one already.</extracomment>
        <translation>version du schéma</translation>
    </message>
    <message>
        <source>last reviewed</source>
        <translation>dernière révision</translation>
    </message>
    <message>
        <source>takes part in COR</source>
        <translation>participe au COR</translation>
    </message>
    <message>
        <source>COR threshold (workers)</source>
        <translation>seuil du COR (travailleurs)</translation>
    </message>
    <message>
        <source>COR recommended from (workers)</source>
        <translation>COR recommandé à partir de (travailleurs)</translation>
    </message>
    <message>
        <source>small-employer program</source>
        <translation>programme pour petits employeurs</translation>
    </message>
    <message>
        <source>small-program worker limit</source>
        <translation>limite de travailleurs du programme pour petits employeurs</translation>
    </message>
    <message>
        <source>citations</source>
        <translation>références</translation>
    </message>
    <message>
        <source>condition</source>
        <translation>condition</translation>
    </message>
    <message>
        <source>shown when</source>
        <translation>affiché si</translation>
    </message>
    <message>
        <source>what-ifs</source>
        <translation>hypothèses</translation>
    </message>
    <message>
        <source>audits employers no sector partner covers</source>
        <translation>audite les employeurs qu&apos;aucun partenaire sectoriel ne couvre</translation>
    </message>
    <message>
        <source>the article&apos;s claim</source>
        <translation>ce qu&apos;affirme l&apos;article</translation>
    </message>
    <message>
        <source>the other sources&apos; claim</source>
        <translation>ce qu&apos;affirment les autres sources</translation>
    </message>
    <message>
        <source>address</source>
        <translation>adresse</translation>
    </message>
    <message>
        <source>location</source>
        <translation>emplacement</translation>
    </message>
    <message>
        <source>short name</source>
        <translation>nom court</translation>
    </message>
    <message>
        <source>long name</source>
        <translation>nom complet</translation>
    </message>
    <message>
        <source>COR</source>
        <translation>COR</translation>
    </message>
    <message>
        <source>order</source>
        <translation>ordre</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>{0} (French)</source>
        <translation>{0} (français)</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ajouté</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Retiré</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <source>{0}: {1}: {2} → {3}</source>
        <translation>{0}&#xa0;: {1}&#xa0;: {2} → {3}</translation>
    </message>
    <message>
        <source>{0}: {1} → {2}</source>
        <translation>{0}&#xa0;: {1} → {2}</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}&#xa0;: {1}</translation>
    </message>
    <message>
        <source>No changes.</source>
        <translation>Aucun changement.</translation>
    </message>
    <message>
        <source>{0} changes: {1} added, {2} removed, {3} changed.</source>
        <translation>Changements&#xa0;: {0} ({1} ajouts, {2} retraits, {3} modifications).</translation>
    </message>
    <message>
        <source>Impacted jurisdictions: {0}.</source>
        <translation>Provinces et territoires touchés&#xa0;: {0}.</translation>
    </message>
    <message>
        <source>Changes that apply everywhere: {0}.</source>
        <translation>Changements qui s&apos;appliquent partout&#xa0;: {0}.</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>MMMM d, yyyy</source>
        <comment>QDate format of a date written in words</comment>
        <translation>d MMMM yyyy</translation>
    </message>
</context>
<context>
    <name>DocumentController</name>
    <message>
        <source>Untitled</source>
        <translation>Sans titre</translation>
    </message>
    <message>
        <source>{0}[*] — {1}</source>
        <translation>{0}[*] — {1}</translation>
    </message>
    <message>
        <source>New client file</source>
        <translation>Nouveau dossier client</translation>
    </message>
    <message>
        <source>Closed {0}</source>
        <translation>{0} fermé</translation>
    </message>
    <message>
        <source>Client file closed</source>
        <translation>Dossier client fermé</translation>
    </message>
    <message>
        <source>“{0}” could not be opened.</source>
        <translation>«&#xa0;{0}&#xa0;» n&apos;a pas pu être ouvert.</translation>
    </message>
    <message>
        <source>{0}

The file was not changed, and your current work is still open.</source>
        <translation>{0}

Le fichier n&apos;a pas été modifié, et votre travail en cours est toujours ouvert.</translation>
    </message>
    <message>
        <source>Opened {0}</source>
        <translation>{0} ouvert</translation>
    </message>
    <message>
        <source>Revert to the saved file?</source>
        <translation>Revenir au fichier enregistré?</translation>
    </message>
    <message>
        <source>“{0}” is already open, with changes that are not saved. Revert throws those changes away and shows the file as it is on disk; Cancel keeps them.</source>
        <translation>«&#xa0;{0}&#xa0;» est déjà ouvert, avec des modifications non enregistrées. Revenir abandonne ces modifications et affiche le fichier tel qu&apos;il est sur le disque; Annuler les conserve.</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>&amp;Revenir</translation>
    </message>
    <message>
        <source>“{0}” has changed on disk since it was opened or last saved here.</source>
        <translation>«&#xa0;{0}&#xa0;» a été modifié sur le disque depuis son ouverture ou son dernier enregistrement ici.</translation>
    </message>
    <message>
        <source>Another window or program may have saved it. Overwrite replaces that version with your work; Save As keeps both; Reload throws your changes away and shows the file on disk.</source>
        <translation>Une autre fenêtre ou un autre programme l&apos;a peut-être enregistré. Remplacer écrase cette version avec votre travail; Enregistrer sous conserve les deux; Recharger abandonne vos modifications et affiche le fichier du disque.</translation>
    </message>
    <message>
        <source>&amp;Overwrite</source>
        <translation>Rem&amp;placer</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Enregistrer &amp;sous…</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>Rec&amp;harger</translation>
    </message>
    <message>
        <source>“{0}” was not saved.</source>
        <translation>«&#xa0;{0}&#xa0;» n&apos;a pas été enregistré.</translation>
    </message>
    <message>
        <source>The client file would be larger than {0} KiB, the most a client file can be, so it could not be opened again. Shorten the consultant&apos;s notes, then save. Your work is still open and autosaved.</source>
        <translation>Le dossier client dépasserait {0} Kio, la taille maximale d&apos;un dossier client; il ne pourrait donc plus être ouvert. Raccourcissez les notes du conseiller, puis enregistrez. Votre travail est toujours ouvert et enregistré automatiquement.</translation>
    </message>
    <message>
        <source>“{0}” could not be saved.</source>
        <translation>«&#xa0;{0}&#xa0;» n&apos;a pas pu être enregistré.</translation>
    </message>
    <message>
        <source>{0}

Nothing on disk was changed and your work is still open. Use Save As to save it somewhere else.</source>
        <translation>{0}

Rien n&apos;a été modifié sur le disque et votre travail est toujours ouvert. Utilisez Enregistrer sous pour l&apos;enregistrer ailleurs.</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>{0} enregistré</translation>
    </message>
    <message>
        <source>Open Client File</source>
        <translation>Ouvrir un dossier client</translation>
    </message>
    <message>
        <source>Save Client File</source>
        <translation>Enregistrer le dossier client</translation>
    </message>
    <message>
        <source>Client files (*.coradvice);;All files (*)</source>
        <translation>Dossiers clients (*.coradvice);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Untitled client</source>
        <translation>Client sans nom</translation>
    </message>
    <message>
        <source>Save the changes to “{0}” before closing?</source>
        <translation>Enregistrer les modifications de «&#xa0;{0}&#xa0;» avant de fermer?</translation>
    </message>
    <message>
        <source>Save the changes to “{0}” before closing the client file?</source>
        <translation>Enregistrer les modifications de «&#xa0;{0}&#xa0;» avant de fermer le dossier client?</translation>
    </message>
    <message>
        <source>Save the changes to “{0}” before starting a new client file?</source>
        <translation>Enregistrer les modifications de «&#xa0;{0}&#xa0;» avant de commencer un nouveau dossier client?</translation>
    </message>
    <message>
        <source>Save the changes to “{0}” before opening another file?</source>
        <translation>Enregistrer les modifications de «&#xa0;{0}&#xa0;» avant d&apos;ouvrir un autre fichier?</translation>
    </message>
    <message>
        <source>If you don&apos;t save, your changes will be lost.</source>
        <translation>Si vous n&apos;enregistrez pas, vos modifications seront perdues.</translation>
    </message>
    <message>
        <source>Autosave failed: {0}. Your work is still open; save it (or Save As somewhere else) to keep it.</source>
        <translation>L&apos;enregistrement automatique a échoué&#xa0;: {0}. Votre travail est toujours ouvert; enregistrez-le (ou enregistrez-le ailleurs) pour le conserver.</translation>
    </message>
    <message>
        <source>Autosave works again</source>
        <translation>L&apos;enregistrement automatique fonctionne de nouveau</translation>
    </message>
    <message>
        <source>Recommended {0} under rules {1}; {2} now (rules {3}) because:</source>
        <translation>{0} recommandé selon les règles {1}; {2} maintenant (règles {3}), parce que&#xa0;:</translation>
    </message>
    <message>
        <source>The recommendation has changed since this file was saved.</source>
        <translation>La recommandation a changé depuis l&apos;enregistrement de ce fichier.</translation>
    </message>
    <message>
        <source>{0}   ({1})</source>
        <translation>{0}   ({1})</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>Aucun fichier récent</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>&amp;Effacer la liste</translation>
    </message>
    <message>
        <source>“{0}” is no longer there.</source>
        <translation>«&#xa0;{0}&#xa0;» n&apos;est plus là.</translation>
    </message>
    <message>
        <source>It may have been moved, renamed or deleted, so it was removed from Open Recent.

{0}</source>
        <translation>Il a peut-être été déplacé, renommé ou supprimé; il a donc été retiré des fichiers récents.

{0}</translation>
    </message>
    <message>
        <source>Autosaved work could not be read.</source>
        <translation>Le travail enregistré automatiquement n&apos;a pas pu être lu.</translation>
    </message>
    <message>
        <source>{0}

The autosave was kept as {1}.</source>
        <translation>{0}

L&apos;enregistrement automatique a été conservé sous {1}.</translation>
    </message>
    <message>
        <source>Recovered unsaved work</source>
        <translation>Travail non enregistré récupéré</translation>
    </message>
    <message>
        <source>Client: {0}</source>
        <translation>Client&#xa0;: {0}</translation>
    </message>
    <message>
        <source>File: {0}</source>
        <translation>Fichier&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Autosaved: {0}</source>
        <translation>Enregistré automatiquement&#xa0;: {0}</translation>
    </message>
    <message>
        <source>
Older than the saved file: “{0}” was saved after this work was autosaved. If you recover it, saving asks before replacing the newer file.</source>
        <translation>
Plus ancien que le fichier enregistré&#xa0;: «&#xa0;{0}&#xa0;» a été enregistré après l&apos;enregistrement automatique de ce travail. Si vous le récupérez, l&apos;enregistrement demandera confirmation avant de remplacer le fichier plus récent.</translation>
    </message>
    <message>
        <source>Recover unsaved work older than the saved file?</source>
        <translation>Récupérer un travail non enregistré plus ancien que le fichier enregistré?</translation>
    </message>
    <message>
        <source>Recover unsaved work?</source>
        <translation>Récupérer le travail non enregistré?</translation>
    </message>
    <message>
        <source>COR/SECOR Advisor did not close normally last time, and some work had not been saved.

{0}

Recover opens it now. Discard deletes it. Decide Later keeps it and asks again next time.</source>
        <translation>COR/SECOR Advisor ne s&apos;est pas fermé normalement la dernière fois, et du travail n&apos;avait pas été enregistré.

{0}

Récupérer l&apos;ouvre maintenant. Supprimer l&apos;efface. Décider plus tard le conserve et pose la question de nouveau la prochaine fois.</translation>
    </message>
    <message>
        <source>&amp;Recover</source>
        <translation>&amp;Récupérer</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Decide &amp;Later</source>
        <translation>Décider plus &amp;tard</translation>
    </message>
</context>
<context>
    <name>InterviewPanel</name>
    <message>
        <source>Interview</source>
        <translation>Entrevue</translation>
    </message>
    <message>
        <source>Interview questions</source>
        <translation>Questions de l&apos;entrevue</translation>
    </message>
    <message>
        <source>Help for the current question</source>
        <translation>Aide sur la question en cours</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>— Not answered —</source>
        <translation>— Sans réponse —</translation>
    </message>
    <message>
        <source>— Choose —</source>
        <translation>— Choisir —</translation>
    </message>
    <message>
        <source>None of these</source>
        <translation>Aucune de ces réponses</translation>
    </message>
    <message>
        <source>Not answered yet</source>
        <translation>Sans réponse pour l&apos;instant</translation>
    </message>
    <message>
        <source>Count workers…</source>
        <translation>Compter les travailleurs…</translation>
    </message>
    <message>
        <source>Count workers by the province&apos;s rule</source>
        <translation>Compter les travailleurs selon la règle de la province</translation>
    </message>
    <message numerus="yes">
        <source> worker(s)</source>
        <comment>after the number in the workers box</comment>
        <translation>
            <numerusform> travailleur</numerusform>
            <numerusform> travailleurs</numerusform>
        </translation>
    </message>
    <message>
        <source>Source: {0}</source>
        <translation>Source&#xa0;: {0}</translation>
    </message>
    <message>
        <source>This answer does not change the recommendation right now.</source>
        <translation>Pour l&apos;instant, cette réponse ne change pas la recommandation.</translation>
    </message>
</context>
<context>
    <name>LearnDialog</name>
    <message>
        <source>COR and SECOR Explained</source>
        <translation>COR et SECOR expliqués</translation>
    </message>
    <message>
        <source>Source: {0}</source>
        <translation>Source&#xa0;: {0}</translation>
    </message>
    <message>
        <source>FAQ: {0}</source>
        <translation>FAQ&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Search topics and questions…</source>
        <translation>Rechercher des sujets et des questions…</translation>
    </message>
    <message>
        <source>Search the explanations</source>
        <translation>Rechercher dans les explications</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Sujets</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Explication</translation>
    </message>
    <message>
        <source>No topic mentions “{0}”.</source>
        <translation>Aucun sujet ne mentionne «&#xa0;{0}&#xa0;».</translation>
    </message>
</context>
<context>
    <name>LegendSwatch</name>
    <message>
        <source>{0}: {1}, {2}</source>
        <translation>{0}&#xa0;: {1}, {2}</translation>
    </message>
</context>
<context>
    <name>LineEdit</name>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Clear the text</source>
        <translation>Effacer le texte</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Recommendation</source>
        <translation>Recommandation</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nouveau</translation>
    </message>
    <message>
        <source>Start a new client file</source>
        <translation>Commencer un nouveau dossier client</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <source>Open a client file</source>
        <translation>Ouvrir un dossier client</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Ouvrir un fichier &amp;récent</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save the client file</source>
        <translation>Enregistrer le dossier client</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Enregistrer &amp;sous…</translation>
    </message>
    <message>
        <source>Save the client file under a new name</source>
        <translation>Enregistrer le dossier client sous un nouveau nom</translation>
    </message>
    <message>
        <source>Print Pre&amp;view…</source>
        <translation>Aperçu a&amp;vant impression…</translation>
    </message>
    <message>
        <source>See the client summary page by page before printing</source>
        <translation>Voir le résumé pour le client page par page avant de l&apos;imprimer</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Im&amp;primer…</translation>
    </message>
    <message>
        <source>Print the client summary</source>
        <translation>Imprimer le résumé pour le client</translation>
    </message>
    <message>
        <source>&amp;Export PDF…</source>
        <translation>E&amp;xporter en PDF…</translation>
    </message>
    <message>
        <source>Save the client summary as a PDF file</source>
        <translation>Enregistrer le résumé pour le client en fichier PDF</translation>
    </message>
    <message>
        <source>Export Au&amp;dit Calendar…</source>
        <translation>Exporter le calendrier des audi&amp;ts…</translation>
    </message>
    <message>
        <source>Save the client plan&apos;s dated audits and deadlines as a calendar file (.ics)</source>
        <translation>Enregistrer les audits et échéances datés du plan du client dans un fichier de calendrier (.ics)</translation>
    </message>
    <message>
        <source>Summary &amp;Language</source>
        <translation>&amp;Langue du résumé</translation>
    </message>
    <message>
        <source>&amp;Import Rules…</source>
        <translation>&amp;Importer des règles…</translation>
    </message>
    <message>
        <source>Check a rules file from your office, see what it changes, install it</source>
        <translation>Vérifier un fichier de règles de votre bureau, voir ce qu&apos;il change, l&apos;installer</translation>
    </message>
    <message>
        <source>Revert to &amp;Bundled Rules…</source>
        <translation>Revenir aux règles &amp;d&apos;origine…</translation>
    </message>
    <message>
        <source>Remove installed rules updates and use the rules the app shipped with</source>
        <translation>Retirer les mises à jour des règles installées et utiliser les règles livrées avec l&apos;application</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>Close the client file and leave the window empty</source>
        <translation>Fermer le dossier client et laisser la fenêtre vide</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>Undo the last change to the answers, scenarios or prime contractors</source>
        <translation>Annuler la dernière modification des réponses, des scénarios ou des entrepreneurs principaux</translation>
    </message>
    <message>
        <source>Redo the last change that was undone</source>
        <translation>Rétablir la dernière modification annulée</translation>
    </message>
    <message>
        <source>&amp;Copy Recommendation</source>
        <translation>&amp;Copier la recommandation</translation>
    </message>
    <message>
        <source>Copy the recommendation, with its sources, to paste into an email or a document</source>
        <translation>Copier la recommandation, avec ses sources, pour la coller dans un courriel ou un document</translation>
    </message>
    <message>
        <source>Pre&amp;ferences…</source>
        <translation>Pré&amp;férences…</translation>
    </message>
    <message>
        <source>Language, and the consultant name, firm, logo and page size for the summary</source>
        <translation>Langue, et nom du conseiller, entreprise, logo et format de papier du résumé</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>Province &amp;Map</source>
        <translation>Carte des &amp;provinces</translation>
    </message>
    <message>
        <source>Province &amp;Table</source>
        <translation>&amp;Tableau des provinces</translation>
    </message>
    <message>
        <source>&amp;Comparison Pane</source>
        <translation>Volet de &amp;comparaison</translation>
    </message>
    <message>
        <source>Client &amp;Plan</source>
        <translation>Pla&amp;n du client</translation>
    </message>
    <message>
        <source>Sce&amp;narios</source>
        <translation>&amp;Scénarios</translation>
    </message>
    <message>
        <source>Today&apos;s answers and the client&apos;s what-if scenarios side by side</source>
        <translation>Les réponses d&apos;aujourd&apos;hui et les scénarios du client, côte à côte</translation>
    </message>
    <message>
        <source>P&amp;rime Contractors</source>
        <translation>Entrepreneurs p&amp;rincipaux</translation>
    </message>
    <message>
        <source>The client&apos;s prime contractors and owners, and what each accepts</source>
        <translation>Les entrepreneurs principaux et les propriétaires de projets du client, et ce que chacun accepte</translation>
    </message>
    <message>
        <source>Go to &amp;Interview</source>
        <translation>Aller à l&apos;&amp;entrevue</translation>
    </message>
    <message>
        <source>Text &amp;Size</source>
        <translation>Ta&amp;ille du texte</translation>
    </message>
    <message>
        <source>&amp;Larger</source>
        <translation>&amp;Agrandir</translation>
    </message>
    <message>
        <source>Make the text of the window larger</source>
        <translation>Agrandir le texte de la fenêtre</translation>
    </message>
    <message>
        <source>&amp;Smaller</source>
        <translation>&amp;Réduire</translation>
    </message>
    <message>
        <source>Make the text of the window smaller</source>
        <translation>Réduire le texte de la fenêtre</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>Taille &amp;normale</translation>
    </message>
    <message>
        <source>Show the text at the system&apos;s size</source>
        <translation>Afficher le texte à la taille du système</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;Guide d&apos;utilisation</translation>
    </message>
    <message>
        <source>How to use the advisor: the window, the interview, client files, printing, rules</source>
        <translation>Comment utiliser l&apos;outil&#xa0;: la fenêtre, l&apos;entrevue, les dossiers clients, l&apos;impression, les règles</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>Every keyboard shortcut of the menus</source>
        <translation>Tous les raccourcis clavier des menus</translation>
    </message>
    <message>
        <source>COR and SECOR &amp;Explained</source>
        <translation>&amp;COR et SECOR expliqués</translation>
    </message>
    <message>
        <source>The two programs, province by province, and questions consultants hear</source>
        <translation>Les deux programmes, province par province, et les questions que les conseillers se font poser</translation>
    </message>
    <message>
        <source>About the &amp;Rules…</source>
        <translation>À propos des règ&amp;les…</translation>
    </message>
    <message>
        <source>Version, dates, sources and changelog of the rules in use</source>
        <translation>Version, dates, sources et historique des règles en usage</translation>
    </message>
    <message>
        <source>&amp;About COR/SECOR Advisor</source>
        <translation>À &amp;propos de COR/SECOR Advisor</translation>
    </message>
    <message>
        <source>Same as the &amp;Window</source>
        <translation>&amp;Même langue que la fenêtre</translation>
    </message>
    <message>
        <source>Recommendation copied, with its sources</source>
        <translation>Recommandation copiée, avec ses sources</translation>
    </message>
    <message>
        <source>Text size: {0}%</source>
        <translation>Taille du texte&#xa0;: {0}&#xa0;%</translation>
    </message>
    <message>
        <source>Rules {0} · effective {1} · reviewed {2} · app {3}</source>
        <translation>Règles {0} · en vigueur le {1} · révisées le {2} · application {3}</translation>
    </message>
</context>
<context>
    <name>PlanStepsModel</name>
    <message>
        <source>No date given by the sources</source>
        <translation>Aucune date donnée par les sources</translation>
    </message>
    <message>
        <source>{0} (already past)</source>
        <translation>{0} (date dépassée)</translation>
    </message>
    <message>
        <source>Rule {0}</source>
        <translation>Règle {0}</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>Language of the window</source>
        <translation>Langue de la fenêtre</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Celle du système</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Fenêtre</translation>
    </message>
    <message>
        <source>These details appear on every printed or exported summary.</source>
        <translation>Ces renseignements figurent sur chaque résumé imprimé ou exporté.</translation>
    </message>
    <message>
        <source>Consultant name</source>
        <translation>Nom du conseiller</translation>
    </message>
    <message>
        <source>Firm</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>For example +1 780 555 0142</source>
        <translation>Par exemple +1 780 555 0142</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>For example name@firm.ca</source>
        <translation>Par exemple nom@cabinet.ca</translation>
    </message>
    <message>
        <source>Firm logo file</source>
        <translation>Fichier du logo de l&apos;entreprise</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>Aucun logo</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>Choose a logo file</source>
        <translation>Choisir un fichier de logo</translation>
    </message>
    <message>
        <source>Page size</source>
        <translation>Format de papier</translation>
    </message>
    <message>
        <source>Letter (8.5 × 11 in)</source>
        <translation>Lettre (8,5 × 11 po)</translation>
    </message>
    <message>
        <source>A4 (210 × 297 mm)</source>
        <translation>A4 (210 × 297 mm)</translation>
    </message>
    <message>
        <source>&amp;Consultant name:</source>
        <translation>&amp;Nom du conseiller&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Firm:</source>
        <translation>&amp;Entreprise&#xa0;:</translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation>&amp;Téléphone&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;Courriel&#xa0;:</translation>
    </message>
    <message>
        <source>Firm &amp;logo:</source>
        <translation>Lo&amp;go de l&apos;entreprise&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Page size:</source>
        <translation>&amp;Format de papier&#xa0;:</translation>
    </message>
    <message>
        <source>Printed summary</source>
        <translation>Résumé imprimé</translation>
    </message>
    <message>
        <source>Choose the firm&apos;s logo</source>
        <translation>Choisir le logo de l&apos;entreprise</translation>
    </message>
    <message>
        <source>Images ({0})</source>
        <translation>Images ({0})</translation>
    </message>
    <message>
        <source>No logo: the summary is printed without one.</source>
        <translation>Aucun logo&#xa0;: le résumé est imprimé sans logo.</translation>
    </message>
    <message>
        <source>This file cannot be read as an image; the summary is printed without a logo.</source>
        <translation>Ce fichier ne peut pas être lu comme une image; le résumé est imprimé sans logo.</translation>
    </message>
    <message>
        <source>The phone number should have at least 7 digits (spaces, +, -, brackets and an extension such as &quot;ext. 12&quot; are fine).</source>
        <translation>Le numéro de téléphone doit compter au moins 7 chiffres (espaces, +, -, parenthèses et un poste comme «&#xa0;poste 12&#xa0;» sont acceptés).</translation>
    </message>
    <message>
        <source>The email address should look like name@firm.ca.</source>
        <translation>L&apos;adresse courriel doit avoir la forme nom@cabinet.ca.</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>The printer or file could not be opened for writing.</source>
        <translation>L&apos;imprimante ou le fichier n&apos;a pas pu être ouvert en écriture.</translation>
    </message>
    <message>
        <source>COR-SECOR-summary</source>
        <translation>resume-COR-SECOR</translation>
    </message>
    <message>
        <source>Print Preview — {0}</source>
        <translation>Aperçu avant impression — {0}</translation>
    </message>
    <message>
        <source>Print preview of the client summary</source>
        <translation>Aperçu avant impression du résumé pour le client</translation>
    </message>
    <message>
        <source>No printer is installed on this computer, so the summary cannot be printed here.</source>
        <translation>Aucune imprimante n&apos;est installée sur cet ordinateur; le résumé ne peut donc pas être imprimé ici.</translation>
    </message>
    <message>
        <source>Export the summary as a PDF instead; it can be printed anywhere.</source>
        <translation>Exportez plutôt le résumé en PDF; il pourra être imprimé n&apos;importe où.</translation>
    </message>
    <message>
        <source>No printer installed</source>
        <translation>Aucune imprimante installée</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Exporter en PDF…</translation>
    </message>
    <message>
        <source>Print the client summary</source>
        <translation>Imprimer le résumé pour le client</translation>
    </message>
    <message>
        <source>Printing failed</source>
        <translation>L&apos;impression a échoué</translation>
    </message>
    <message>
        <source>Summary sent to the printer.</source>
        <translation>Résumé envoyé à l&apos;imprimante.</translation>
    </message>
    <message>
        <source>Export the summary as PDF</source>
        <translation>Exporter le résumé en PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>L&apos;exportation a échoué</translation>
    </message>
    <message>
        <source>The summary could not be saved to {0}.

{1}</source>
        <translation>Le résumé n&apos;a pas pu être enregistré dans {0}.

{1}</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Im&amp;primer…</translation>
    </message>
    <message>
        <source>&amp;Print… (no printer installed)</source>
        <translation>Im&amp;primer… (aucune imprimante installée)</translation>
    </message>
    <message>
        <source>No printer is installed on this computer. Use Export PDF… instead.</source>
        <translation>Aucune imprimante n&apos;est installée sur cet ordinateur. Utilisez plutôt Exporter en PDF…</translation>
    </message>
</context>
<context>
    <name>ProvinceDetails</name>
    <message>
        <source>Facts about the selected province or territory</source>
        <translation>Faits sur la province ou le territoire choisi</translation>
    </message>
</context>
<context>
    <name>ProvinceMap</name>
    <message>
        <source>dark blue</source>
        <translation>bleu foncé</translation>
    </message>
    <message>
        <source>light blue</source>
        <translation>bleu clair</translation>
    </message>
    <message>
        <source>green</source>
        <translation>vert</translation>
    </message>
    <message>
        <source>yellow</source>
        <translation>jaune</translation>
    </message>
    <message>
        <source>grey</source>
        <translation>gris</translation>
    </message>
    <message>
        <source>solid</source>
        <translation>uni</translation>
    </message>
    <message>
        <source>hatched with lines rising to the right</source>
        <translation>hachuré de lignes montant vers la droite</translation>
    </message>
    <message>
        <source>cross-hatched</source>
        <translation>quadrillé</translation>
    </message>
    <message>
        <source>dotted</source>
        <translation>pointillé</translation>
    </message>
    <message>
        <source>Map of Canada by program offered</source>
        <translation>Carte du Canada selon le programme offert</translation>
    </message>
    <message>
        <source>Selected: {0}</source>
        <translation>Sélection&#xa0;: {0}</translation>
    </message>
    <message>
        <source>{0} ({1}) — {2}</source>
        <translation>{0} ({1}) — {2}</translation>
    </message>
    <message>
        <source>none listed</source>
        <translation>aucun répertorié</translation>
    </message>
    <message>
        <source>Certifying partners: {0}</source>
        <translation>Partenaires de certification&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Choose a province or territory: click it on the map, or use the arrow keys.</source>
        <translation>Choisissez une province ou un territoire&#xa0;: cliquez dessus sur la carte ou utilisez les touches fléchées.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;{1}&lt;br&gt;Certifying partners: {2}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;{1}&lt;br&gt;Partenaires de certification&#xa0;: {2}</translation>
    </message>
</context>
<context>
    <name>ProvinceTableModel</name>
    <message>
        <source>Not offered</source>
        <translation>Non offert</translation>
    </message>
    <message>
        <source>All sizes</source>
        <translation>Toutes tailles</translation>
    </message>
    <message>
        <source>{0}+ workers</source>
        <translation>{0} travailleurs et plus</translation>
    </message>
    <message>
        <source>Up to {0}</source>
        <translation>Jusqu&apos;à {0}</translation>
    </message>
    <message>
        <source>Does not take part in COR</source>
        <translation>Ne participe pas au COR</translation>
    </message>
    <message>
        <source>COR at all sizes; no small-employer program</source>
        <translation>COR quelle que soit la taille; aucun programme pour petits employeurs</translation>
    </message>
    <message>
        <source>COR and {0} at all sizes</source>
        <translation>COR et {0} quelle que soit la taille</translation>
    </message>
    <message>
        <source>COR from {0} workers; {1} up to {2}</source>
        <translation>COR à partir de {0} travailleurs; {1} jusqu&apos;à {2}</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Jurisdiction</source>
        <translation>Province ou territoire</translation>
    </message>
    <message>
        <source>Small-employer program</source>
        <translation>Programme pour petits employeurs</translation>
    </message>
    <message>
        <source>Small limit</source>
        <translation>Limite (petits employeurs)</translation>
    </message>
    <message>
        <source>Certifying partners</source>
        <translation>Partenaires de certification</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
</context>
<context>
    <name>ProvinceView</name>
    <message>
        <source>COR + SECOR, all sizes</source>
        <translation>COR + SECOR, toutes tailles</translation>
    </message>
    <message>
        <source>COR only</source>
        <translation>COR seulement</translation>
    </message>
    <message>
        <source>Not participating</source>
        <translation>Ne participe pas</translation>
    </message>
    <message>
        <source>{0} ({1})
{2}
Certifying partners: {3}</source>
        <translation>{0} ({1})
{2}
Partenaires de certification&#xa0;: {3}</translation>
    </message>
    <message>
        <source>Jurisdictions table</source>
        <translation>Tableau des provinces et territoires</translation>
    </message>
    <message>
        <source>Filter jurisdictions, programs, partners…</source>
        <translation>Filtrer les provinces, programmes, partenaires…</translation>
    </message>
    <message>
        <source>Filter the jurisdictions table</source>
        <translation>Filtrer le tableau des provinces et territoires</translation>
    </message>
    <message>
        <source>Provinces and territories</source>
        <translation>Provinces et territoires</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation>&amp;Carte</translation>
    </message>
    <message>
        <source>&amp;Table</source>
        <translation>&amp;Tableau</translation>
    </message>
    <message>
        <source>Map legend</source>
        <translation>Légende de la carte</translation>
    </message>
</context>
<context>
    <name>RecommendationCard</name>
    <message>
        <source>Recommendation</source>
        <translation>Recommandation</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>COR only</source>
        <translation>COR seulement</translation>
    </message>
    <message>
        <source>Accepts SECOR / Small COR</source>
        <translation>Accepte SECOR / Small COR</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Contract clause</source>
        <translation>Clause du contrat</translation>
    </message>
    <message>
        <source>Platform requirement</source>
        <translation>Exigence de la plateforme</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Not confirmed</source>
        <translation>Non confirmé</translation>
    </message>
    <message>
        <source>Date as YYYY-MM-DD; empty when not confirmed</source>
        <translation>Date au format AAAA-MM-JJ; vide si non confirmé</translation>
    </message>
    <message>
        <source>Prime or owner</source>
        <translation>Entrepreneur principal ou propriétaire</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plateforme</translation>
    </message>
    <message>
        <source>Accepts</source>
        <translation>Accepte</translation>
    </message>
    <message>
        <source>Confirmed by</source>
        <translation>Confirmé par</translation>
    </message>
    <message>
        <source>Confirmed on</source>
        <translation>Confirmé le</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>RegisterPanel</name>
    <message>
        <source>Prime contractors and owners</source>
        <translation>Entrepreneurs principaux et propriétaires de projets</translation>
    </message>
    <message>
        <source>Prime contractors and project owners</source>
        <translation>Entrepreneurs principaux et propriétaires de projets</translation>
    </message>
    <message>
        <source>Primes</source>
        <translation>Entrepreneurs</translation>
    </message>
    <message>
        <source>Prime-contractor register</source>
        <translation>Registre des entrepreneurs principaux</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Add a prime contractor or project owner, then type its name</source>
        <translation>Ajouter un entrepreneur principal ou un propriétaire de projet, puis taper son nom</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Remove the selected prime contractor or owner</source>
        <translation>Retirer l&apos;entrepreneur principal ou le propriétaire sélectionné</translation>
    </message>
    <message>
        <source>Empty: the interview&apos;s prime-contractor answer stands. Add the client&apos;s primes to derive it.</source>
        <translation>Registre vide&#xa0;: la réponse de l&apos;entrevue sur l&apos;entrepreneur principal s&apos;applique. Ajoutez les entrepreneurs principaux du client pour la déduire.</translation>
    </message>
    <message>
        <source>New prime contractor</source>
        <translation>Nouvel entrepreneur principal</translation>
    </message>
</context>
<context>
    <name>RulesReviewDialog</name>
    <message>
        <source>Import Rules</source>
        <translation>Importer des règles</translation>
    </message>
    <message>
        <source>Revert to Bundled Rules</source>
        <translation>Revenir aux règles d&apos;origine</translation>
    </message>
    <message>
        <source>Use rules {0} in place of rules {1}?</source>
        <translation>Utiliser les règles {0} à la place des règles {1}?</translation>
    </message>
    <message>
        <source>Go back to the bundled rules {0} in place of rules {1}?</source>
        <translation>Revenir aux règles d&apos;origine {0} à la place des règles {1}?</translation>
    </message>
    <message>
        <source>What changes</source>
        <translation>Ce qui change</translation>
    </message>
    <message>
        <source>The file is copied into the advisor&apos;s own folder and the recommendation follows the new rules at once. File ▸ Revert to Bundled Rules goes back at any time.</source>
        <translation>Le fichier est copié dans le dossier de l&apos;application et la recommandation suit aussitôt les nouvelles règles. Fichier ▸ Revenir aux règles d&apos;origine permet de revenir en arrière à tout moment.</translation>
    </message>
    <message>
        <source>Installed rules updates are removed; the rules that came with the advisor are used from now on.</source>
        <translation>Les mises à jour des règles installées sont retirées; les règles livrées avec l&apos;application sont utilisées dorénavant.</translation>
    </message>
    <message>
        <source>&amp;Install and Use These Rules</source>
        <translation>&amp;Installer et utiliser ces règles</translation>
    </message>
    <message>
        <source>&amp;Revert to Bundled Rules</source>
        <translation>&amp;Revenir aux règles d&apos;origine</translation>
    </message>
    <message>
        <source>New file</source>
        <translation>Nouveau fichier</translation>
    </message>
    <message>
        <source>Bundled rules</source>
        <translation>Règles d&apos;origine</translation>
    </message>
    <message>
        <source>In use now</source>
        <translation>En usage</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Effective</source>
        <translation>En vigueur</translation>
    </message>
    <message>
        <source>Last reviewed</source>
        <translation>Dernière révision</translation>
    </message>
    <message>
        <source>File: {0}</source>
        <translation>Fichier&#xa0;: {0}</translation>
    </message>
</context>
<context>
    <name>RulesUpdates</name>
    <message>
        <source>Import Rules</source>
        <translation>Importer des règles</translation>
    </message>
    <message>
        <source>Rules files (*.yaml *.yml);;All files (*)</source>
        <translation>Fichiers de règles (*.yaml *.yml);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Checking the rules file…</source>
        <translation>Vérification du fichier de règles…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Import cancelled; the rules in use ({0}) are unchanged.</source>
        <translation>Importation annulée; les règles en usage ({0}) sont inchangées.</translation>
    </message>
    <message>
        <source>The rules could not be installed.</source>
        <translation>Les règles n&apos;ont pas pu être installées.</translation>
    </message>
    <message>
        <source>{0}

The rules in use ({1}) are unchanged.</source>
        <translation>{0}

Les règles en usage ({1}) sont inchangées.</translation>
    </message>
    <message>
        <source>Rules {0} installed and now in use.</source>
        <translation>Règles {0} installées et maintenant en usage.</translation>
    </message>
    <message>
        <source>The rules file could not be read, so nothing was imported.</source>
        <translation>Le fichier de règles n&apos;a pas pu être lu; rien n&apos;a donc été importé.</translation>
    </message>
    <message>
        <source>The rules file is not sealed, so the advisor cannot tell whether it is complete and unchanged. It was not imported.</source>
        <translation>Le fichier de règles n&apos;est pas scellé; l&apos;application ne peut donc pas savoir s&apos;il est complet et intact. Il n&apos;a pas été importé.</translation>
    </message>
    <message>
        <source>The rules file is damaged or was changed after it was sealed, so it was not imported.</source>
        <translation>Le fichier de règles est endommagé ou a été modifié après avoir été scellé; il n&apos;a donc pas été importé.</translation>
    </message>
    <message>
        <source>The file is not a valid rules dataset, so it was not imported.</source>
        <translation>Le fichier ne contient pas de règles valides; il n&apos;a donc pas été importé.</translation>
    </message>
    <message>
        <source>The rules file has no version number the advisor can compare, so it was not imported.</source>
        <translation>Le fichier de règles n&apos;a pas de numéro de version que l&apos;application peut comparer; il n&apos;a donc pas été importé.</translation>
    </message>
    <message>
        <source>The rules file is older than the rules in use, so it was not imported.</source>
        <translation>Le fichier de règles est plus ancien que les règles en usage; il n&apos;a donc pas été importé.</translation>
    </message>
    <message>
        <source>These rules are already in use, so there is nothing to import.</source>
        <translation>Ces règles sont déjà en usage; il n&apos;y a donc rien à importer.</translation>
    </message>
    <message>
        <source>The bundled rules are already in use.</source>
        <translation>Les règles d&apos;origine sont déjà en usage.</translation>
    </message>
    <message>
        <source>No rules update is installed.</source>
        <translation>Aucune mise à jour des règles n&apos;est installée.</translation>
    </message>
    <message>
        <source>The bundled rules cannot be used, so the installed update stays in use.</source>
        <translation>Les règles d&apos;origine ne peuvent pas être utilisées; la mise à jour installée reste donc en usage.</translation>
    </message>
    <message>
        <source>An installed rules update could not be removed.</source>
        <translation>Une mise à jour des règles installée n&apos;a pas pu être retirée.</translation>
    </message>
    <message>
        <source>Rules {0} now in use.</source>
        <translation>Règles {0} maintenant en usage.</translation>
    </message>
</context>
<context>
    <name>ScenarioEditor</name>
    <message>
        <source>Edit Scenario “{0}”</source>
        <translation>Modifier le scénario «&#xa0;{0}&#xa0;»</translation>
    </message>
    <message>
        <source>Answers of the scenario “{0}”</source>
        <translation>Réponses du scénario «&#xa0;{0}&#xa0;»</translation>
    </message>
    <message>
        <source>Only this scenario changes: today&apos;s answers, the recommendation card and the other scenarios stay as they are. OK keeps these answers; Cancel leaves the scenario as it was.</source>
        <translation>Seul ce scénario change&#xa0;: les réponses d&apos;aujourd&apos;hui, la fiche de recommandation et les autres scénarios restent tels quels. OK conserve ces réponses; Annuler laisse le scénario tel qu&apos;il était.</translation>
    </message>
    <message>
        <source>With these answers: {0}</source>
        <translation>Avec ces réponses&#xa0;: {0}</translation>
    </message>
</context>
<context>
    <name>ScenarioPanel</name>
    <message>
        <source>Scenarios</source>
        <translation>Scénarios</translation>
    </message>
    <message>
        <source>Scenarios side by side</source>
        <translation>Scénarios côte à côte</translation>
    </message>
    <message>
        <source>One column for today&apos;s answers and one for each scenario; a value that differs from today&apos;s says so</source>
        <translation>Une colonne pour les réponses d&apos;aujourd&apos;hui et une pour chaque scénario; une valeur qui diffère de celle d&apos;aujourd&apos;hui l&apos;indique</translation>
    </message>
    <message>
        <source>A new scenario with a copy of today&apos;s answers; then type its name</source>
        <translation>Un nouveau scénario avec une copie des réponses d&apos;aujourd&apos;hui; tapez ensuite son nom</translation>
    </message>
    <message>
        <source>Scenario name</source>
        <translation>Nom du scénario</translation>
    </message>
    <message>
        <source>The selected scenario&apos;s name: type a new one and press Enter to rename it (at most {0} characters)</source>
        <translation>Le nom du scénario sélectionné&#xa0;: tapez-en un autre et appuyez sur Entrée pour le renommer ({0}&#xa0;caractères au plus)</translation>
    </message>
    <message>
        <source>Change the selected scenario&apos;s answers in the interview (today&apos;s answers stay as they are)</source>
        <translation>Modifier les réponses du scénario sélectionné dans l&apos;entrevue (les réponses d&apos;aujourd&apos;hui restent telles quelles)</translation>
    </message>
    <message>
        <source>Add Scenario</source>
        <translation>Ajouter un scénario</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Edit Answers…</source>
        <translation>Modifier les réponses…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete the selected scenario (Edit ▸ Undo brings it back)</source>
        <translation>Supprimer le scénario sélectionné (Édition ▸ Annuler le rétablit)</translation>
    </message>
    <message>
        <source>Select a scenario&apos;s column</source>
        <translation>Sélectionnez la colonne d&apos;un scénario</translation>
    </message>
    <message>
        <source>Add a scenario first</source>
        <translation>Ajoutez d&apos;abord un scénario</translation>
    </message>
    <message>
        <source>No scenarios yet. Add Scenario copies today&apos;s answers under a name of your choice; then change that copy&apos;s answers to compare the two side by side.</source>
        <translation>Aucun scénario pour l&apos;instant. Ajouter un scénario copie les réponses d&apos;aujourd&apos;hui sous le nom de votre choix; modifiez ensuite les réponses de cette copie pour comparer les deux côte à côte.</translation>
    </message>
    <message>
        <source>At most {0} scenarios beside today&apos;s answers.</source>
        <translation>Au plus {0}&#xa0;scénarios en plus des réponses d&apos;aujourd&apos;hui.</translation>
    </message>
    <message>
        <source>At most {0} scenarios beside today&apos;s answers: delete one to add another.</source>
        <translation>Au plus {0}&#xa0;scénarios en plus des réponses d&apos;aujourd&apos;hui&#xa0;: supprimez-en un pour en ajouter un autre.</translation>
    </message>
    <message>
        <source>Added “{0}”, a copy of today&apos;s answers. Type its name and press Enter, then Edit Answers… to change what differs.</source>
        <translation>«&#xa0;{0}&#xa0;» ajouté, une copie des réponses d&apos;aujourd&apos;hui. Tapez son nom et appuyez sur Entrée, puis choisissez Modifier les réponses… pour changer ce qui diffère.</translation>
    </message>
    <message>
        <source>Renamed “{0}” to “{1}”.</source>
        <translation>«&#xa0;{0}&#xa0;» renommé «&#xa0;{1}&#xa0;».</translation>
    </message>
    <message>
        <source>Deleted “{0}”. Edit ▸ Undo brings it back.</source>
        <translation>«&#xa0;{0}&#xa0;» supprimé. Édition ▸ Annuler le rétablit.</translation>
    </message>
    <message>
        <source>Updated the answers of “{0}”.</source>
        <translation>Réponses de «&#xa0;{0}&#xa0;» mises à jour.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Raccourci</translation>
    </message>
    <message>
        <source>{0} or {1}</source>
        <translation>{0} ou {1}</translation>
    </message>
</context>
<context>
    <name>StaleBanner</name>
    <message>
        <source>Rules review notice</source>
        <translation>Avis de révision des règles</translation>
    </message>
    <message>
        <source>About the rules…</source>
        <translation>À propos des règles…</translation>
    </message>
    <message>
        <source>About the rules</source>
        <translation>À propos des règles</translation>
    </message>
    <message>
        <source>These rules were last reviewed on {0}, more than a year ago. Programs, thresholds and certifying partners may have changed since; ask for an updated rules file before relying on the advice.</source>
        <translation>Ces règles ont été révisées pour la dernière fois le {0}, il y a plus d&apos;un an. Les programmes, les seuils et les partenaires de certification ont pu changer depuis; demandez un fichier de règles à jour avant de vous fier aux conseils.</translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <source>A folder with that name already exists</source>
        <translation>Un dossier porte déjà ce nom</translation>
    </message>
    <message>
        <source>The folder {0} does not exist</source>
        <translation>Le dossier {0} n&apos;existe pas</translation>
    </message>
    <message>
        <source>{0} is not a folder</source>
        <translation>{0} n&apos;est pas un dossier</translation>
    </message>
    <message>
        <source>Not everything could be written; the disk may be full</source>
        <translation>Tout n&apos;a pas pu être écrit; le disque est peut-être plein</translation>
    </message>
    <message>
        <source>The new file could not replace the old one</source>
        <translation>Le nouveau fichier n&apos;a pas pu remplacer l&apos;ancien</translation>
    </message>
    <message>
        <source>The disk is full (no space left in {0})</source>
        <translation>Le disque est plein (plus d&apos;espace dans {0})</translation>
    </message>
    <message>
        <source>No permission to write in {0}</source>
        <translation>Aucune autorisation d&apos;écrire dans {0}</translation>
    </message>
    <message>
        <source>The autosave folder {0} could not be created: {1}</source>
        <translation>Le dossier d&apos;enregistrement automatique {0} n&apos;a pas pu être créé&#xa0;: {1}</translation>
    </message>
    <message>
        <source>The session lock in {0} could not be created ({1})</source>
        <translation>Le verrou de session dans {0} n&apos;a pas pu être créé ({1})</translation>
    </message>
</context>
<context>
    <name>SummaryPrinting</name>
    <message numerus="yes">
        <source>Saved the summary (%n page(s)) to {0}</source>
        <translation>
            <numerusform>Résumé (%n page) enregistré dans {0}</numerusform>
            <numerusform>Résumé (%n pages) enregistré dans {0}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserGuideDialog</name>
    <message>
        <source>User Guide</source>
        <translation>Guide d&apos;utilisation</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Guide d&apos;utilisation</translation>
    </message>
</context>
<context>
    <name>WorkerCountDialog</name>
    <message>
        <source>Count workers</source>
        <translation>Compter les travailleurs</translation>
    </message>
    <message>
        <source>How {0} counts workers</source>
        <translation>Comment l&apos;effectif est compté ({0})</translation>
    </message>
    <message>
        <source>Source: {0}</source>
        <translation>Source&#xa0;: {0}</translation>
    </message>
    <message>
        <source>&amp;Most employees at one time in the last 12 months</source>
        <translation>&amp;Maximum d&apos;employés en même temps dans les 12 derniers mois</translation>
    </message>
    <message>
        <source>&amp;Owners, family members and volunteers</source>
        <translation>Pr&amp;opriétaires, membres de la famille et bénévoles</translation>
    </message>
    <message>
        <source>&amp;Subcontractors working on site</source>
        <translation>&amp;Sous-traitants sur le chantier</translation>
    </message>
    <message>
        <source>Annual &amp;payroll hours</source>
        <translation>Heures &amp;payées dans l&apos;année</translation>
    </message>
    <message>
        <source>Employees on the payroll at the busiest moment, not counting owners, family, volunteers or subcontractors</source>
        <translation>Employés à la paie au moment le plus chargé, sans compter les propriétaires, la famille, les bénévoles ni les sous-traitants</translation>
    </message>
    <message>
        <source>Owners, family members and volunteers who work in the operation</source>
        <translation>Propriétaires, membres de la famille et bénévoles qui travaillent dans l&apos;entreprise</translation>
    </message>
    <message>
        <source>Subcontractors working for the operation at that time</source>
        <translation>Sous-traitants qui travaillent pour l&apos;entreprise à ce moment</translation>
    </message>
    <message>
        <source>Every paid hour in the last 12 months; divided by 2,080 for FTEs</source>
        <translation>Toutes les heures payées des 12 derniers mois; divisées par 2&#xa0;080 pour obtenir les ETP</translation>
    </message>
    <message>
        <source>The &amp;work is seasonal (the headcount swings through the year)</source>
        <translation>Le &amp;travail est saisonnier (l&apos;effectif varie au cours de l&apos;année)</translation>
    </message>
    <message>
        <source>&amp;Use this count</source>
        <translation>&amp;Utiliser ce nombre</translation>
    </message>
    <message>
        <source>Enter the numbers above: the count follows {0}&apos;s rule.</source>
        <translation>Entrez les nombres ci-dessus&#xa0;: le calcul suit la règle de la province ou du territoire ({0}).</translation>
    </message>
    <message>
        <source>This count is within two of {0}&apos;s line ({1}): a few hires or a busier season would change the answer. Count carefully and confirm with the certifying partner.</source>
        <translation>Ce nombre est à deux travailleurs ou moins du seuil ({0}&#xa0;: {1})&#xa0;: quelques embauches ou une saison plus chargée changeraient la réponse. Comptez avec soin et vérifiez auprès du partenaire de certification.</translation>
    </message>
    <message>
        <source>Seasonal work: count the busiest time of the last 12 months, not a usual week; the certifying partner decides how your peak counts.</source>
        <translation>Travail saisonnier&#xa0;: comptez le moment le plus chargé des 12 derniers mois, pas une semaine habituelle; le partenaire de certification décide comment votre sommet est compté.</translation>
    </message>
</context>
</TS>
