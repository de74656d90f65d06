<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
  <context>
    <name>BlockedDialog</name>
    <message numerus="yes">
      <location filename="../blocked_dialog.py" line="38" />
      <source>%n error(s) must be corrected</source>
      <translation>
        <numerusform>%n error must be corrected</numerusform>
        <numerusform>%n errors must be corrected</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../blocked_dialog.py" line="44" />
      <source>%n warning(s) need a written explanation</source>
      <translation>
        <numerusform>%n warning needs a written explanation</numerusform>
        <numerusform>%n warnings need a written explanation</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>BydelCheck</name>
    <message numerus="yes">
      <location filename="../bydeler.py" line="162" />
      <source>Checking %n file(s)…</source>
      <translation>
        <numerusform>Checking %n file…</numerusform>
        <numerusform>Checking %n files…</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../bydeler.py" line="191" />
      <source>%n person(s) are in more than one file. SSB counts each of them once for the municipality.</source>
      <translation>
        <numerusform>%n person is in more than one file. SSB counts them once for the municipality.</numerusform>
        <numerusform>%n people are in more than one file. SSB counts each of them once for the municipality.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Commands</name>
    <message numerus="yes">
      <location filename="../commands.py" line="149" />
      <source>Explain %n warning(s)</source>
      <translation>
        <numerusform>Explain %n warning</numerusform>
        <numerusform>Explain %n warnings</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>FindingsModel</name>
    <message numerus="yes">
      <location filename="../findings_panel.py" line="119" />
      <source>Records: %Ln</source>
      <translation>
        <numerusform>%Ln record</numerusform>
        <numerusform>%Ln records</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../findings_panel.py" line="125" />
      <source>%Ln finding(s)</source>
      <translation>
        <numerusform>%Ln finding</numerusform>
        <numerusform>%Ln findings</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>FindingsPanel</name>
    <message numerus="yes">
      <location filename="../findings_panel.py" line="233" />
      <source>Not ready: %n warning(s) need a written explanation.</source>
      <translation>
        <numerusform>Not ready: %n warning needs a written explanation.</numerusform>
        <numerusform>Not ready: %n warnings need a written explanation.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Prefill</name>
    <message numerus="yes">
      <location filename="../prefill_view.py" line="132" />
      <source>%n row(s)</source>
      <translation>
        <numerusform>%n row</numerusform>
        <numerusform>%n rows</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../prefill_view.py" line="152" />
      <source>%n answer(s) from %1 were not carried over: this year's form has no question for them, or they no longer fit it. Answer these questions again if they still apply:</source>
      <translation>
        <numerusform>%n answer from %1 was not carried over: this year's form has no question for it, or it no longer fits. Answer this question again if it still applies:</numerusform>
        <numerusform>%n answers from %1 were not carried over: this year's form has no question for them, or they no longer fit it. Answer these questions again if they still apply:</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Questionnaire</name>
    <message numerus="yes">
      <location filename="../questionnaire.py" line="268" />
      <source>%n finding(s) of questions not visited yet are not shown; Check the whole form shows them.</source>
      <translation>
        <numerusform>%n finding of a question not visited yet is not shown; Check the whole form shows it.</numerusform>
        <numerusform>%n findings of questions not visited yet are not shown; Check the whole form shows them.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../questionnaire.py" line="275" />
      <source>%n finding(s): see the questions marked and the list below.</source>
      <translation>
        <numerusform>%n finding: see the question marked and the list below.</numerusform>
        <numerusform>%n findings: see the questions marked and the list below.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../questionnaire_files.py" line="72" />
      <source>%n answer(s) read from %1.</source>
      <translation>
        <numerusform>%n answer read from %1.</numerusform>
        <numerusform>%n answers read from %1.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../questionnaire_files.py" line="100" />
      <source>%n answer(s) written to %1.</source>
      <translation>
        <numerusform>%n answer written to %1.</numerusform>
        <numerusform>%n answers written to %1.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>RecordPage</name>
    <message numerus="yes">
      <location filename="../record_page.py" line="409" />
      <source>Set %1 on %n line(s)</source>
      <translation>
        <numerusform>Set %1 on %n line</numerusform>
        <numerusform>Set %1 on %n lines</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../record_page.py" line="479" />
      <source>The value goes into the field on the %n selected line(s).</source>
      <translation>
        <numerusform>The value goes into the field on the %n selected line.</numerusform>
        <numerusform>The value goes into the field on the %n selected lines.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../record_page.py" line="501" />
      <source>Replaces in one column of the %n line(s) shown.</source>
      <translation>
        <numerusform>Replaces in one column of the %n line shown.</numerusform>
        <numerusform>Replaces in one column of the %n lines shown.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>TableEditor</name>
    <message numerus="yes">
      <location filename="../table_editor.py" line="333" />
      <source>%n row(s) pasted.</source>
      <translation>
        <numerusform>%n row pasted.</numerusform>
        <numerusform>%n rows pasted.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../table_editor.py" line="336" />
      <source>%n row(s) did not fit: the table has room for %1.</source>
      <translation>
        <numerusform>%n row did not fit: the table has room for %1.</numerusform>
        <numerusform>%n rows did not fit: the table has room for %1.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../table_editor.py" line="344" />
      <source>%n cell(s) could not be read and were left blank; correct them in the table:</source>
      <translation>
        <numerusform>%n cell could not be read and was left blank; correct it in the table:</numerusform>
        <numerusform>%n cells could not be read and were left blank; correct them in the table:</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../table_editor.py" line="444" />
      <source>%n row(s)</source>
      <translation>
        <numerusform>%n row</numerusform>
        <numerusform>%n rows</numerusform>
      </translation>
    </message>
  </context>
</TS>