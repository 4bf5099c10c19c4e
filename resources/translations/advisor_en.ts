<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_CA" sourcelanguage="en_CA">
<context>
    <name>ComparisonPane</name>
    <message numerus="yes">
        <source>Show All %n &amp;Rows</source>
        <translation>
            <numerusform>Show the %n &amp;Row</numerusform>
            <numerusform>Show All %n &amp;Rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InterviewPanel</name>
    <message numerus="yes">
        <source> worker(s)</source>
        <comment>after the number in the workers box</comment>
        <translation>
            <numerusform> worker</numerusform>
            <numerusform> workers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SummaryPrinting</name>
    <message numerus="yes">
        <source>Saved the summary (%n page(s)) to {0}</source>
        <translation>
            <numerusform>Saved the summary (%n page) to {0}</numerusform>
            <numerusform>Saved the summary (%n pages) to {0}</numerusform>
        </translation>
    </message>
</context>
</TS>
