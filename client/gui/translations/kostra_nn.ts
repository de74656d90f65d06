<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nn_NO">
  <context>
    <name>About</name>
    <message>
      <location filename="../about.py" line="22" />
      <source>KOSTRA-klienten %1</source>
      <translation>KOSTRA-klienten %1</translation>
    </message>
    <message>
      <location filename="../about.py" line="24" />
      <source>Form definitions:</source>
      <translation>Skjemadefinisjonar:</translation>
    </message>
    <message>
      <location filename="../about.py" line="29" />
      <source>  version %1, SHA-256 %2</source>
      <translation>  versjon %1, SHA-256 %2</translation>
    </message>
    <message>
      <location filename="../about.py" line="41" />
      <source>About KOSTRA-klienten</source>
      <translation>Om KOSTRA-klienten</translation>
    </message>
    <message>
      <location filename="../about.py" line="43" />
      <source>Checks and submits KOSTRA social-services statistics to Statistics Norway.</source>
      <translation>Kontrollerer og sender inn KOSTRA-statistikk for sosiale tenester til Statistisk sentralbyrå.</translation>
    </message>
    <message>
      <location filename="../about.py" line="52" />
      <source>Versions</source>
      <translation>Versjonar</translation>
    </message>
  </context>
  <context>
    <name>Asker</name>
    <message>
      <location filename="../asker.py" line="150" />
      <source>Passphrase</source>
      <translation>Passordfrase</translation>
    </message>
    <message>
      <location filename="../asker.py" line="160" />
      <source>Type the same passphrase again</source>
      <translation>Skriv det same passordet ein gong til</translation>
    </message>
    <message>
      <location filename="../asker.py" line="168" />
      <source>The two passphrases were not the same. Try again.</source>
      <translation>Dei to passorda var ikkje like. Prøv igjen.</translation>
    </message>
    <message>
      <location filename="../asker.py" line="190" />
      <source>KOSTRA-klienten</source>
      <translation>KOSTRA-klienten</translation>
    </message>
  </context>
  <context>
    <name>BlockedDialog</name>
    <message>
      <location filename="../blocked_dialog.py" line="31" />
      <source>Not ready to submit</source>
      <translation>Ikkje klart til innsending</translation>
    </message>
    <message numerus="yes">
      <location filename="../blocked_dialog.py" line="38" />
      <source>%n error(s) must be corrected</source>
      <translation>
        <numerusform>%n feil må rettast</numerusform>
        <numerusform>%n feil må rettast</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../blocked_dialog.py" line="44" />
      <source>%n warning(s) need a written explanation</source>
      <translation>
        <numerusform>%n åtvaring må forklarast</numerusform>
        <numerusform>%n åtvaringar må forklarast</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../blocked_dialog.py" line="49" />
      <source>The form cannot be submitted yet: %1.</source>
      <translation>Skjemaet kan ikkje sendast inn enno: %1.</translation>
    </message>
    <message>
      <location filename="../blocked_dialog.py" line="55" />
      <source>What blocks the submission</source>
      <translation>Det som hindrar innsending</translation>
    </message>
    <message>
      <location filename="../blocked_dialog.py" line="65" />
      <source>&amp;Go to</source>
      <translation>&amp;Gå til</translation>
    </message>
  </context>
  <context>
    <name>BydelCheck</name>
    <message>
      <location filename="../bydeler.py" line="56" />
      <source>Check the bydel files together</source>
      <translation>Kontroller bydelsfilene saman</translation>
    </message>
    <message>
      <location filename="../bydeler.py" line="59" />
      <source>Choose every bydel's file of the form. Each file is checked by itself, then all together: a person in more than one file is counted once by SSB.</source>
      <translation>Vel fila frå kvar bydel for skjemaet. Kvar fil blir kontrollert for seg, deretter alle saman: SSB tel ein person som er med i fleire filer, berre éin gong.</translation>
    </message>
    <message>
      <location filename="../bydeler.py" line="70" />
      <source>&amp;Form:</source>
      <translation>&amp;Skjema:</translation>
    </message>
    <message>
      <location filename="../bydeler.py" line="73" />
      <source>&amp;Choose files and check…</source>
      <translation>&amp;Vel filer og kontroller …</translation>
    </message>
    <message>
      <location filename="../bydeler.py" line="81" />
      <source>File</source>
      <translation>Fil</translation>
    </message>
    <message>
      <location filename="../bydeler.py" line="82" />
      <source>Records</source>
      <translation>Postar</translation>
    </message>
    <message>
      <location filename="../bydeler.py" line="90" />
      <source>Each file</source>
      <translation>Kvar fil</translation>
    </message>
    <message>
      <location filename="../bydeler.py" line="92" />
      <source>People in more than one file:</source>
      <translation>Personar i meir enn éi fil:</translation>
    </message>
    <message>
      <location filename="../bydeler.py" line="116" />
      <source>The bydel files</source>
      <translation>Bydelsfilene</translation>
    </message>
    <message>
      <location filename="../bydeler.py" line="117" />
      <source>SSB files (*.txt *.dat *.*)</source>
      <translation>SSB-filer (*.txt *.dat *.*)</translation>
    </message>
    <message>
      <location filename="../bydeler.py" line="123" />
      <source>Choose at least two files to check them together.</source>
      <translation>Vel minst to filer for å kontrollere dei saman.</translation>
    </message>
    <message numerus="yes">
      <location filename="../bydeler.py" line="162" />
      <source>Checking %n file(s)…</source>
      <translation>
        <numerusform>Kontrollerer %n fil …</numerusform>
        <numerusform>Kontrollerer %n filer …</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../bydeler.py" line="191" />
      <source>%n person(s) are in more than one file. SSB counts each of them once for the municipality.</source>
      <translation>
        <numerusform>%n person er med i meir enn éi fil. SSB tel personen éin gong for kommunen.</numerusform>
        <numerusform>%n personar er med i meir enn éi fil. SSB tel kvar av dei éin gong for kommunen.</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../bydeler.py" line="199" />
      <source>Nobody is in more than one file.</source>
      <translation>Ingen personar er med i meir enn éi fil.</translation>
    </message>
  </context>
  <context>
    <name>Certificates</name>
    <message>
      <location filename="../certificates.py" line="72" />
      <source>This replaces the current signing certificate (%1). Forms signed with it stay valid, but the old key is deleted from this computer. Continue?</source>
      <translation>Dette erstattar signeringssertifikatet du har no (%1). Skjema som er signerte med det, er framleis gyldige, men den gamle nøkkelen blir sletta frå denne maskina. Halde fram?</translation>
    </message>
    <message>
      <location filename="../certificates.py" line="82" />
      <source>Import enterprise certificate</source>
      <translation>Importer verksemdssertifikat</translation>
    </message>
    <message>
      <location filename="../certificates.py" line="87" />
      <source>PKCS#12 files (*.p12 *.pfx)</source>
      <translation>PKCS#12-filer (*.p12 *.pfx)</translation>
    </message>
    <message>
      <location filename="../certificates.py" line="101" />
      <location filename="../certificates.py" line="163" />
      <source>Create test certificate</source>
      <translation>Lag testsertifikat</translation>
    </message>
    <message>
      <location filename="../certificates.py" line="106" />
      <source>Choose the reporting unit first (Settings, Reporting unit): the test certificate carries its organisation number and name.</source>
      <translation>Vel rapporteringseining først (Innstillingar, Rapporteringseining): testsertifikatet får organisasjonsnummeret og namnet til eininga.</translation>
    </message>
    <message>
      <location filename="../certificates.py" line="128" />
      <location filename="../certificates.py" line="243" />
      <source>SSB's encryption certificate</source>
      <translation>Krypteringssertifikatet til SSB</translation>
    </message>
    <message>
      <location filename="../certificates.py" line="130" />
      <source>Certificates (*.pem *.cer *.crt *.der)</source>
      <translation>Sertifikat (*.pem *.cer *.crt *.der)</translation>
    </message>
    <message>
      <location filename="../certificates.py" line="144" />
      <location filename="../certificates.py" line="204" />
      <source>Signing certificate</source>
      <translation>Signeringssertifikat</translation>
    </message>
    <message>
      <location filename="../certificates.py" line="154" />
      <source>The form is signed with the municipality's enterprise certificate before it is submitted, and this computer has no certificate yet.

A test certificate is made here and now with the reporting unit's organisation number: good for trying the client, but SSB accepts only the enterprise certificate.</source>
      <translation>Skjemaet blir signert med verksemdssertifikatet til kommunen før det blir sendt inn, og denne maskina har ikkje noko sertifikat enno.

Eit testsertifikat blir laga her og no med organisasjonsnummeret til rapporteringseininga. Det er fint for å prøve klienten, men SSB godtek berre verksemdssertifikatet.</translation>
    </message>
    <message>
      <location filename="../certificates.py" line="162" />
      <source>Import enterprise certificate (.p12)…</source>
      <translation>Importer verksemdssertifikat (.p12) …</translation>
    </message>
    <message>
      <location filename="../certificates.py" line="182" />
      <source>Certificates</source>
      <translation>Sertifikat</translation>
    </message>
    <message>
      <location filename="../certificates.py" line="214" />
      <source>Organisation:</source>
      <translation>Verksemd:</translation>
    </message>
    <message>
      <location filename="../certificates.py" line="215" />
      <source>Org. no.:</source>
      <translation>Org.nr.:</translation>
    </message>
    <message>
      <location filename="../certificates.py" line="216" />
      <location filename="../certificates.py" line="251" />
      <source>Subject:</source>
      <translation>Utferda til:</translation>
    </message>
    <message>
      <location filename="../certificates.py" line="217" />
      <location filename="../certificates.py" line="252" />
      <source>Valid to:</source>
      <translation>Gyldig til:</translation>
    </message>
    <message>
      <location filename="../certificates.py" line="218" />
      <source>Kind:</source>
      <translation>Type:</translation>
    </message>
    <message>
      <location filename="../certificates.py" line="219" />
      <location filename="../certificates.py" line="253" />
      <source>SHA-256:</source>
      <translation>SHA-256:</translation>
    </message>
    <message>
      <location filename="../certificates.py" line="223" />
      <source>&amp;Import enterprise certificate (.p12)…</source>
      <translation>&amp;Importer verksemdssertifikat (.p12) …</translation>
    </message>
    <message>
      <location filename="../certificates.py" line="228" />
      <source>Create &amp;test certificate</source>
      <translation>Lag &amp;testsertifikat</translation>
    </message>
    <message>
      <location filename="../certificates.py" line="257" />
      <source>Set &amp;SSB certificate (.pem/.cer)…</source>
      <translation>Vel sertifikatet til &amp;SSB (.pem/.cer) …</translation>
    </message>
    <message>
      <location filename="../certificates.py" line="282" />
      <source>No signing certificate yet. Import the municipality's enterprise certificate, or create a test certificate to try the client.</source>
      <translation>Inkje signeringssertifikat enno. Importer verksemdssertifikatet til kommunen, eller lag eit testsertifikat for å prøve klienten.</translation>
    </message>
    <message>
      <location filename="../certificates.py" line="293" />
      <source>none</source>
      <translation>manglar</translation>
    </message>
    <message>
      <location filename="../certificates.py" line="297" />
      <source>(expired)</source>
      <translation>(gått ut)</translation>
    </message>
    <message>
      <location filename="../certificates.py" line="300" />
      <source>Test certificate (self-signed): SSB does not accept it.</source>
      <translation>Testsertifikat (sjølvsignert): SSB godtek det ikkje.</translation>
    </message>
    <message>
      <location filename="../certificates.py" line="304" />
      <source>Enterprise certificate issued by %1</source>
      <translation>Verksemdssertifikat utferda av %1</translation>
    </message>
    <message>
      <location filename="../certificates.py" line="309" />
      <source>Its passphrase is kept in the system's keyring.</source>
      <translation>Passordet ligg i nøkkelringen i operativsystemet.</translation>
    </message>
    <message>
      <location filename="../certificates.py" line="313" />
      <source>You are asked for its passphrase each time you sign.</source>
      <translation>Du blir spurd om passordet kvar gong du signerer.</translation>
    </message>
    <message>
      <location filename="../certificates.py" line="326" />
      <source>Not set up: the data files are signed but not encrypted.</source>
      <translation>Ikkje sett opp: datafilene blir signerte, men ikkje krypterte.</translation>
    </message>
    <message>
      <location filename="../certificates.py" line="330" />
      <source>The data files are encrypted to this certificate.</source>
      <translation>Datafilene blir krypterte til dette sertifikatet.</translation>
    </message>
  </context>
  <context>
    <name>Commands</name>
    <message>
      <location filename="../commands.py" line="23" />
      <location filename="../commands.py" line="47" />
      <source>Change %1</source>
      <translation>Endre %1</translation>
    </message>
    <message>
      <location filename="../commands.py" line="77" />
      <source>Explain %1</source>
      <translation>Forklar %1</translation>
    </message>
    <message>
      <location filename="../commands.py" line="99" />
      <source>Copy record</source>
      <translation>Kopier post</translation>
    </message>
    <message>
      <location filename="../commands.py" line="101" />
      <source>New record</source>
      <translation>Ny post</translation>
    </message>
    <message>
      <location filename="../commands.py" line="114" />
      <source>Delete records</source>
      <translation>Slett postar</translation>
    </message>
    <message>
      <location filename="../commands.py" line="130" />
      <source>Import file</source>
      <translation>Importer fil</translation>
    </message>
    <message numerus="yes">
      <location filename="../commands.py" line="149" />
      <source>Explain %n warning(s)</source>
      <translation>
        <numerusform>Forklar %n åtvaring</numerusform>
        <numerusform>Forklar %n åtvaringar</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>DateEdit</name>
    <message>
      <location filename="../widgets.py" line="297" />
      <source>dd.mm.yy</source>
      <translation>dd.mm.åå</translation>
    </message>
    <message>
      <location filename="../widgets.py" line="298" />
      <source>dd.mm.yyyy</source>
      <translation>dd.mm.åååå</translation>
    </message>
  </context>
  <context>
    <name>FieldEditor</name>
    <message>
      <location filename="../widgets.py" line="116" />
      <source>%1 of %2 characters</source>
      <translation>%1 av %2 teikn</translation>
    </message>
    <message>
      <location filename="../widgets.py" line="331" />
      <source>Choose a date in a calendar (Alt+Down)</source>
      <translation>Vel dato i ein kalender (Alt+Pil ned)</translation>
    </message>
    <message>
      <location filename="../widgets.py" line="334" />
      <source>Open calendar: %1</source>
      <translation>Opne kalender: %1</translation>
    </message>
  </context>
  <context>
    <name>FieldValueDialog</name>
    <message>
      <location filename="../bulk_dialog.py" line="41" />
      <source>&amp;Whole value only</source>
      <translation>Berre &amp;heile verdien</translation>
    </message>
    <message>
      <location filename="../bulk_dialog.py" line="47" />
      <source>&amp;Field:</source>
      <translation>&amp;Felt:</translation>
    </message>
    <message>
      <location filename="../bulk_dialog.py" line="49" />
      <source>F&amp;ind:</source>
      <translation>&amp;Søk etter:</translation>
    </message>
    <message>
      <location filename="../bulk_dialog.py" line="51" />
      <source>&amp;Replace with:</source>
      <translation>&amp;Byt ut med:</translation>
    </message>
    <message>
      <location filename="../bulk_dialog.py" line="55" />
      <source>&amp;Value:</source>
      <translation>&amp;Verdi:</translation>
    </message>
  </context>
  <context>
    <name>FindingsModel</name>
    <message>
      <location filename="../findings_panel.py" line="96" />
      <source>Finding</source>
      <translation>Funn</translation>
    </message>
    <message>
      <location filename="../findings_panel.py" line="97" />
      <source>Line</source>
      <translation>Line</translation>
    </message>
    <message>
      <location filename="../findings_panel.py" line="98" />
      <source>Field</source>
      <translation>Felt</translation>
    </message>
    <message>
      <location filename="../findings_panel.py" line="99" />
      <source>Control</source>
      <translation>Kontroll</translation>
    </message>
    <message numerus="yes">
      <location filename="../findings_panel.py" line="119" />
      <source>Records: %Ln</source>
      <translation>
        <numerusform>%Ln post</numerusform>
        <numerusform>%Ln postar</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../findings_panel.py" line="121" />
      <source>, %1 findings</source>
      <translation>, %1 funn</translation>
    </message>
    <message numerus="yes">
      <location filename="../findings_panel.py" line="125" />
      <source>%Ln finding(s)</source>
      <translation>
        <numerusform>%Ln funn</numerusform>
        <numerusform>%Ln funn</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../findings_panel.py" line="128" />
      <source>(control %1 said the same: %2)</source>
      <translation>(kontroll %1 sa det same: %2)</translation>
    </message>
    <message>
      <location filename="../findings_panel.py" line="138" />
      <source>(also on line %1)</source>
      <translation>(òg line %1)</translation>
    </message>
    <message>
      <location filename="../findings_panel.py" line="144" />
      <source>Explained</source>
      <translation>Forklart</translation>
    </message>
    <message>
      <location filename="../findings_panel.py" line="146" />
      <source>Confirm the explanation</source>
      <translation>Stadfest forklaringa</translation>
    </message>
    <message>
      <location filename="../findings_panel.py" line="148" />
      <source>Needs explanation</source>
      <translation>Treng forklaring</translation>
    </message>
  </context>
  <context>
    <name>FindingsPanel</name>
    <message numerus="yes">
      <location filename="../findings_panel.py" line="233" />
      <source>Not ready: %n warning(s) need a written explanation.</source>
      <translation>
        <numerusform>Ikkje klart: %n åtvaring treng ei skriftleg forklaring.</numerusform>
        <numerusform>Ikkje klart: %n åtvaringar treng ei skriftleg forklaring.</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../findings_panel.py" line="231" />
      <source>Findings</source>
      <translation>Funn</translation>
    </message>
    <message>
      <location filename="../findings_panel.py" line="274" />
      <source>The chosen finding in full</source>
      <translation>Det valde funnet i heilskap</translation>
    </message>
    <message>
      <location filename="../findings_panel.py" line="277" />
      <source>E&amp;xplanation of the warning:</source>
      <translation>Forklaring &amp;av åtvaringa:</translation>
    </message>
    <message>
      <location filename="../findings_panel.py" line="283" />
      <source>Why the value is right although the control warns</source>
      <translation>Kvifor verdien er rett sjølv om kontrollen åtvarar</translation>
    </message>
    <message>
      <location filename="../findings_panel.py" line="289" />
      <source>Explanation of the warning</source>
      <translation>Forklaring av åtvaringa</translation>
    </message>
    <message>
      <location filename="../findings_panel.py" line="293" />
      <source>A value the control reads has changed since this warning was explained. Check the explanation and confirm it, or write a new one.</source>
      <translation>Ein verdi som kontrollen les, er endra etter at åtvaringa vart forklart. Sjekk forklaringa og stadfest ho, eller skriv ei ny.</translation>
    </message>
    <message>
      <location filename="../findings_panel.py" line="302" />
      <source>&amp;Confirm the explanation</source>
      <translation>&amp;Stadfest forklaringa</translation>
    </message>
    <message>
      <location filename="../findings_panel.py" line="325" />
      <source>Set to &amp;0</source>
      <translation>Set til &amp;0</translation>
    </message>
    <message>
      <location filename="../findings_panel.py" line="327" />
      <source>Set the negative amount to 0, as SSB would; the explanation is kept</source>
      <translation>Set det negative beløpet til 0, slik SSB gjer; forklaringa blir behalden</translation>
    </message>
    <message>
      <location filename="../findings_panel.py" line="375" />
      <location filename="../findings_panel.py" line="404" />
      <source>Checking…</source>
      <translation>Kontrollerer …</translation>
    </message>
    <message>
      <location filename="../findings_panel.py" line="381" />
      <source>Not ready: correct the errors before the form can be submitted.</source>
      <translation>Ikkje klart: rett feila før skjemaet kan sendast inn.</translation>
    </message>
    <message>
      <location filename="../findings_panel.py" line="393" />
      <source>Not ready: the form is empty.</source>
      <translation>Ikkje klart: skjemaet er tomt.</translation>
    </message>
    <message>
      <location filename="../findings_panel.py" line="398" />
      <source>Signed %1. A change calls for a new submission.</source>
      <translation>Signert %1. Ei endring krev ny innsending.</translation>
    </message>
    <message>
      <location filename="../findings_panel.py" line="402" />
      <source>Ready to submit.</source>
      <translation>Klart til innsending.</translation>
    </message>
    <message>
      <location filename="../findings_panel.py" line="451" />
      <source>Choose a finding to read it in full. Enter goes to its line and field; F8 and Shift+F8 go to the next and previous finding.</source>
      <translation>Vel eit funn for å lese heile meldinga. Enter går til lina og feltet; F8 og Shift+F8 går til neste og førre funn.</translation>
    </message>
    <message>
      <location filename="../findings_panel.py" line="473" />
      <source>Line %1</source>
      <translation>Line %1</translation>
    </message>
    <message>
      <location filename="../findings_panel.py" line="481" />
      <source>journal %1</source>
      <translation>journal %1</translation>
    </message>
    <message>
      <location filename="../findings_panel.py" line="525" />
      <source>Use this explanation for all %1 lines of control %2</source>
      <translation>Bruk forklaringa på alle dei %1 linene frå kontroll %2</translation>
    </message>
  </context>
  <context>
    <name>FormPage</name>
    <message>
      <location filename="../form_page.py" line="81" />
      <source>&amp;Back to overview</source>
      <translation>&amp;Tilbake til oversikta</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="93" />
      <source>Sub&amp;mit…</source>
      <translation>Sen&amp;d inn …</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="141" />
      <source>&amp;Records</source>
      <translation>&amp;Postar</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="142" />
      <source>S&amp;tatistics</source>
      <translation>S&amp;tatistikk</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="187" />
      <source>Move to a question and press F1 for help with it.</source>
      <translation>Gå til eit spørsmål og trykk F1 for hjelp til det.</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="190" />
      <source>Help</source>
      <translation>Hjelp</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="193" />
      <source>There is no help text for this question.</source>
      <translation>Det finst ingen hjelpetekst til dette spørsmålet.</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="214" />
      <location filename="../form_page.py" line="223" />
      <location filename="../form_page.py" line="265" />
      <location filename="../form_page.py" line="306" />
      <location filename="../form_page.py" line="325" />
      <source>Import file</source>
      <translation>Importer fil</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="215" />
      <source>SSB files (*.txt *.dat *.*)</source>
      <translation>SSB-filer (*.txt *.dat *.*)</translation>
    </message>
    <message numerus="yes">
      <location filename="../form_page.py" line="224" />
      <source>The draft's records (%n) will be replaced by the file's records. You can undo this with Ctrl+Z. Continue?</source>
      <translation>
        <numerusform>Posten i utkastet blir erstatta av postane i fila. Du kan angre med Ctrl+Z. Halde fram?</numerusform>
        <numerusform>Dei %n postane i utkastet blir erstatta av postane i fila. Du kan angre med Ctrl+Z. Halde fram?</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../form_page.py" line="282" />
      <source>Checking %1…</source>
      <translation>Kontrollerer %1 …</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="319" />
      <source>Reading %1…</source>
      <translation>Les %1 …</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="320" />
      <source>Cancel</source>
      <translation>Avbryt</translation>
    </message>
    <message numerus="yes">
      <location filename="../form_page.py" line="338" />
      <source>Records read from %1: %n.</source>
      <translation>
        <numerusform>%n post lesen frå %1.</numerusform>
        <numerusform>%n postar lesne frå %1.</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../form_page.py" line="354" />
      <source>Since the previous import: %1 fixed, %2 new, %3 remaining.</source>
      <translation>Sidan førre import: %1 retta, %2 nye, %3 står att.</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="375" />
      <location filename="../form_page.py" line="387" />
      <location filename="../form_page.py" line="392" />
      <source>Export file</source>
      <translation>Eksporter fil</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="376" />
      <source>SSB files (*.txt *.dat)</source>
      <translation>SSB-filer (*.txt *.dat)</translation>
    </message>
    <message numerus="yes">
      <location filename="../form_page.py" line="393" />
      <source>Records written to %1: %n.</source>
      <translation>
        <numerusform>%n post skriven til %1.</numerusform>
        <numerusform>%n postar skrivne til %1.</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../form_page.py" line="405" />
      <source>Findings per caseworker</source>
      <translation>Funn per saksbehandlar</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="409" />
      <source>Web page for printing (*.html);;PDF for printing (*.pdf);;Spreadsheet (*.csv)</source>
      <translation>Nettside for utskrift (*.html);;PDF for utskrift (*.pdf);;Rekneark (*.csv)</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="435" />
      <source>Could not write %1: %2</source>
      <translation>Kunne ikkje skrive %1: %2</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="441" />
      <source>Written to %1.</source>
      <translation>Skrive til %1.</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="453" />
      <location filename="../form_page.py" line="584" />
      <source>Submit</source>
      <translation>Send inn</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="461" />
      <source>The form is empty: import the case system's file or fill in the form before it is submitted.</source>
      <translation>Skjemaet er tomt: importer fila frå fagsystemet eller fyll ut skjemaet før det blir sendt inn.</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="508" />
      <source>Line %1</source>
      <translation>Line %1</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="512" />
      <source>journal %1</source>
      <translation>journal %1</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="538" />
      <source>The signing certificate belongs to organisation number %1, but the reporting unit has %2. Sign with this certificate anyway?</source>
      <translation>Signeringssertifikatet høyrer til organisasjonsnummer %1, men rapporteringseininga har %2. Vil du signere med dette sertifikatet likevel?</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="556" />
      <source>Folder for the submission file and the receipt</source>
      <translation>Mappe for innsendingsfila og kvitteringa</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="616" />
      <source>Signing and writing the submission file…</source>
      <translation>Signerer og skriv innsendingsfila …</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="659" />
      <source>Form %1 is signed, and its data files are encrypted to SSB.</source>
      <translation>Skjema %1 er signert, og datafilene er krypterte til SSB.</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="663" />
      <source>Form %1 is signed.</source>
      <translation>Skjema %1 er signert.</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="667" />
      <source>Submission file:</source>
      <translation>Innsendingsfil:</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="670" />
      <source>Receipt:</source>
      <translation>Kvittering:</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="676" />
      <source>Signed with a test certificate: SSB accepts only the municipality's enterprise certificate.</source>
      <translation>Signert med eit testsertifikat: SSB godtek berre verksemdssertifikatet til kommunen.</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="684" />
      <source>How it reaches SSB:</source>
      <translation>Slik kjem det fram til SSB:</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="689" />
      <source>&amp;Open receipt</source>
      <translation>&amp;Opne kvitteringa</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="690" />
      <source>Open &amp;folder</source>
      <translation>Opne &amp;mappa</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="694" />
      <location filename="../form_page.py" line="716" />
      <source>Form signed</source>
      <translation>Skjemaet er signert</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="705" />
      <source>No program for PDF files was found on this computer, so the receipt could not be opened. It is saved as %1. Install a PDF reader (or ask IT to), or open the file from another computer.</source>
      <translation>Fann ikkje noko program for PDF-filer på denne maskina, så kvitteringa kunne ikkje opnast. Ho er lagra som %1. Installer ein PDF-lesar (eller be IT om det), eller opne fila på ei anna maskin.</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="712" />
      <source>The folder could not be opened. The files are in %1.</source>
      <translation>Mappa kunne ikkje opnast. Filene ligg i %1.</translation>
    </message>
  </context>
  <context>
    <name>LastYear</name>
    <message>
      <location filename="../last_year.py" line="69" />
      <source>Compare with &amp;last year</source>
      <translation>Samanlikn med i &amp;fjor</translation>
    </message>
    <message>
      <location filename="../last_year.py" line="73" />
      <source>Last year's fi&amp;le…</source>
      <translation>Fjorårsfi&amp;la …</translation>
    </message>
    <message>
      <location filename="../last_year.py" line="81" />
      <source>This year's and last year's figures</source>
      <translation>Tala for i år og i fjor</translation>
    </message>
    <message>
      <location filename="../last_year.py" line="118" />
      <source>No submission from last year in the archive. Choose last year's file to compare the figures.</source>
      <translation>Inga innsending frå i fjor i arkivet. Vel fjorårsfila for å samanlikne tala.</translation>
    </message>
    <message>
      <location filename="../last_year.py" line="124" />
      <source>Last year: %1</source>
      <translation>I fjor: %1</translation>
    </message>
    <message>
      <location filename="../last_year.py" line="133" />
      <source>Last year's file</source>
      <translation>Fjorårsfila</translation>
    </message>
    <message>
      <location filename="../last_year.py" line="134" />
      <source>SSB files, drafts and submissions (*.txt *.dat *.json *.asice);;*</source>
      <translation>SSB-filer, utkast og innsendingar (*.txt *.dat *.json *.asice);;*</translation>
    </message>
    <message>
      <location filename="../last_year.py" line="193" />
      <source>Figure</source>
      <translation>Tal</translation>
    </message>
    <message>
      <location filename="../last_year.py" line="196" />
      <source>Change</source>
      <translation>Endring</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../main_window.py" line="61" />
      <source>Reporting &amp;year:</source>
      <translation>Rapporterings&amp;år:</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="65" />
      <source>Reporting year</source>
      <translation>Rapporteringsår</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="68" />
      <source>Change &amp;unit…</source>
      <translation>Endre &amp;eining …</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="109" />
      <source>&amp;File</source>
      <translation>&amp;Fil</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="111" />
      <source>&amp;Import file…</source>
      <translation>&amp;Importer fil …</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="116" />
      <source>&amp;Export file…</source>
      <translation>&amp;Eksporter fil …</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="121" />
      <source>Sub&amp;mit…</source>
      <translation>Sen&amp;d inn …</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="124" />
      <source>Findings per &amp;caseworker…</source>
      <translation>Funn per &amp;saksbehandlar …</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="128" />
      <source>&amp;Close form</source>
      <translation>&amp;Lukk skjema</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="134" />
      <source>Check &amp;bydel files together…</source>
      <translation>Kontroller &amp;bydelsfilene saman …</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="150" />
      <source>&amp;Quit</source>
      <translation>&amp;Avslutt</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="156" />
      <source>&amp;Edit</source>
      <translation>&amp;Rediger</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="158" />
      <source>&amp;Undo</source>
      <translation>&amp;Angre</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="163" />
      <source>&amp;Redo</source>
      <translation>&amp;Gjør om</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="175" />
      <source>&amp;Find record</source>
      <translation>&amp;Finn post</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="180" />
      <source>&amp;New record</source>
      <translation>&amp;Ny post</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="186" />
      <source>&amp;Language</source>
      <translation>&amp;Språk</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="195" />
      <source>&amp;Settings</source>
      <translation>&amp;Innstillingar</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="198" />
      <source>&amp;Reporting unit…</source>
      <translation>&amp;Rapporteringseining …</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="203" />
      <source>&amp;Certificate…</source>
      <translation>&amp;Sertifikat …</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="208" />
      <source>Install &amp;form pack…</source>
      <translation>Installer s&amp;kjemapakke …</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="213" />
      <source>&amp;Help</source>
      <translation>&amp;Hjelp</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="215" />
      <source>&amp;Help for this question</source>
      <translation>&amp;Hjelp til dette spørsmålet</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="222" />
      <source>&amp;About KOSTRA-klienten</source>
      <translation>&amp;Om KOSTRA-klienten</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="269" />
      <source>No reporting unit chosen yet</source>
      <translation>Inga rapporteringseining er vald enno</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="274" />
      <source>, district %1</source>
      <translation>, bydel %1</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="277" />
      <source> (org. no. %1)</source>
      <translation> (org.nr. %1)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="333" />
      <source>The file's records are for %1. Check the reporting unit, fill in what is missing and press OK: the form then opens under this unit and the file is imported there. The draft of %2 stays as it is.</source>
      <translation>Postane i fila gjeld %1. Sjekk rapporteringseininga, fyll inn det som manglar, og trykk OK: skjemaet blir då opna for denne eininga, og fila blir importert der. Utkastet for %2 blir som det er.</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="386" />
      <source>Opening %1…</source>
      <translation>Opnar %1 …</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="402" />
      <source>Draft</source>
      <translation>Utkast</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="509" />
      <source>Draft saved</source>
      <translation>Utkastet er lagra</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="519" />
      <source>Draft not saved</source>
      <translation>Utkastet vart ikkje lagra</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="558" />
      <source>Help</source>
      <translation>Hjelp</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="559" />
      <source>Choose the reporting year at the top and open a form from the list. In a form, press F1 on a question for help with it.</source>
      <translation>Vel rapporteringsår øvst og opne eit skjema frå lista. I eit skjema trykkjer du F1 på eit spørsmål for å få hjelp til det.</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="585" />
      <source>Install form pack</source>
      <translation>Installer skjemapakke</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="587" />
      <source>Form packs (*.zip)</source>
      <translation>Skjemapakkar (*.zip)</translation>
    </message>
  </context>
  <context>
    <name>NilDelivery</name>
    <message>
      <location filename="../nil_delivery.py" line="32" />
      <source>&amp;Nothing to report…</source>
      <translation>Skal &amp;ikkje rapportere …</translation>
    </message>
    <message>
      <location filename="../nil_delivery.py" line="34" />
      <source>The municipality has no one to report: submit SSB's nil delivery (one space)</source>
      <translation>Kommunen har ingen å rapportere: send den tomme leveransen til SSB (eitt mellomrom)</translation>
    </message>
    <message>
      <location filename="../nil_delivery.py" line="58" />
      <source>Nothing to report</source>
      <translation>Skal ikkje rapportere</translation>
    </message>
    <message>
      <location filename="../nil_delivery.py" line="60" />
      <source>Submit form %1 as nothing to report? SSB then gets its nil delivery (a file of one space), signed, with a receipt saying the municipality has nothing to report.</source>
      <translation>Sende inn skjema %1 som «skal ikkje rapportere»? SSB får då den tomme leveransen (ei fil med eitt mellomrom), signert, med ei kvittering som seier at kommunen ikkje har noko å rapportere.</translation>
    </message>
    <message numerus="yes">
      <location filename="../nil_delivery.py" line="67" />
      <source>The draft's records (%n) are not sent; they stay in the draft.</source>
      <translation>
        <numerusform>Den %n posten i utkastet blir ikkje send; han blir liggjande i utkastet.</numerusform>
        <numerusform>Dei %n postane i utkastet blir ikkje sende; dei blir liggjande i utkastet.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>OverviewModel</name>
    <message>
      <location filename="../overview.py" line="87" />
      <source>Form</source>
      <translation>Skjema</translation>
    </message>
    <message>
      <location filename="../overview.py" line="88" />
      <source>Name</source>
      <translation>Namn</translation>
    </message>
    <message>
      <location filename="../overview.py" line="89" />
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../overview.py" line="90" />
      <source>Errors</source>
      <translation>Feil</translation>
    </message>
    <message>
      <location filename="../overview.py" line="91" />
      <source>Warnings</source>
      <translation>Åtvaringar</translation>
    </message>
    <message>
      <location filename="../overview.py" line="92" />
      <source>Records</source>
      <translation>Postar</translation>
    </message>
    <message>
      <location filename="../overview.py" line="93" />
      <source>Deadline</source>
      <translation>Frist</translation>
    </message>
  </context>
  <context>
    <name>OverviewPage</name>
    <message>
      <location filename="../overview.py" line="161" />
      <source>Choose a form and press Enter (or double-click) to open it.</source>
      <translation>Vel eit skjema og trykk Enter (eller dobbeltklikk) for å opne det.</translation>
    </message>
    <message>
      <location filename="../overview.py" line="175" />
      <source>Forms</source>
      <translation>Skjema</translation>
    </message>
    <message>
      <location filename="../overview.py" line="188" />
      <source>No forms installed</source>
      <translation>Ingen skjema er installerte</translation>
    </message>
    <message>
      <location filename="../overview.py" line="191" />
      <source>Forms for %1</source>
      <translation>Skjema for %1</translation>
    </message>
  </context>
  <context>
    <name>Prefill</name>
    <message>
      <location filename="../prefill_view.py" line="63" />
      <source>Last year's answers in %1 cannot be read (%2). Nothing was changed; choose another file: a draft, an answers file (JSON) or a signed submission that is not encrypted (.asice).</source>
      <translation>Svara frå i fjor i %1 kan ikkje lesast (%2). Ingenting er endra; vel ei anna fil: eit utkast, ei svarfil (JSON) eller ei signert innsending som ikkje er kryptert (.asice).</translation>
    </message>
    <message>
      <location filename="../prefill_view.py" line="81" />
      <source>Start from last year's answers</source>
      <translation>Fyll ut frå svara i fjor</translation>
    </message>
    <message>
      <location filename="../prefill_view.py" line="86" />
      <source>Last year's answers (*.json *.asice);;All files (*)</source>
      <translation>Svara frå i fjor (*.json *.asice);;Alle filer (*)</translation>
    </message>
    <message>
      <location filename="../prefill_view.py" line="98" />
      <source>The answers in the form will be replaced by last year's. You can undo this with Ctrl+Z. Continue?</source>
      <translation>Svara i skjemaet blir erstatta av svara frå i fjor. Du kan angre med Ctrl+Z. Halde fram?</translation>
    </message>
    <message>
      <location filename="../prefill_view.py" line="124" />
      <source>From %1, adjusted to this year's choices</source>
      <translation>Frå %1, tilpassa svaralternativa i år</translation>
    </message>
    <message>
      <location filename="../prefill_view.py" line="128" />
      <source>As in %1</source>
      <translation>Som i %1</translation>
    </message>
    <message numerus="yes">
      <location filename="../prefill_view.py" line="132" />
      <source>%n row(s)</source>
      <translation>
        <numerusform>%n rad</numerusform>
        <numerusform>%n rader</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../prefill_view.py" line="136" />
      <source>Changed from %1 (last year: %2)</source>
      <translation>Endra frå %1 (i fjor: %2)</translation>
    </message>
    <message numerus="yes">
      <location filename="../prefill_view.py" line="152" />
      <source>%n answer(s) from %1 were not carried over: this year's form has no question for them, or they no longer fit it. Answer these questions again if they still apply:</source>
      <translation>
        <numerusform>%n svar frå %1 er ikkje tekne med: skjemaet i år har ikkje spørsmålet, eller svaret passar ikkje lenger. Svar på nytt der det framleis gjeld:</numerusform>
        <numerusform>%n svar frå %1 er ikkje tekne med: skjemaet i år har ikkje spørsmåla, eller svara passar ikkje lenger. Svar på nytt der det framleis gjeld:</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../prefill_view.py" line="175" />
      <source>You have answers to this form from %1. Start from them? Every answer taken from %1 is marked, and you can change it.</source>
      <translation>Du har svar på dette skjemaet frå %1. Vil du starte med dei? Kvart svar som blir henta frå %1, blir merkt, og du kan endre det.</translation>
    </message>
    <message>
      <location filename="../prefill_view.py" line="184" />
      <source>S&amp;tart from %1</source>
      <translation>Start med s&amp;vara frå %1</translation>
    </message>
    <message>
      <location filename="../prefill_view.py" line="187" />
      <source>No, thanks</source>
      <translation>Nei takk</translation>
    </message>
  </context>
  <context>
    <name>QuestionRow</name>
    <message>
      <location filename="../question_row.py" line="102" />
      <source>Help: %1</source>
      <translation>Hjelp: %1</translation>
    </message>
    <message>
      <location filename="../question_row.py" line="104" />
      <source>Help (F1)</source>
      <translation>Hjelp (F1)</translation>
    </message>
    <message>
      <location filename="../question_row.py" line="184" />
      <source>Required.</source>
      <translation>Må fyllast ut.</translation>
    </message>
    <message>
      <location filename="../question_row.py" line="187" />
      <source>Press F1 for help.</source>
      <translation>Trykk F1 for hjelp.</translation>
    </message>
    <message>
      <location filename="../question_row.py" line="248" />
      <source>Explanation: %1</source>
      <translation>Forklaring: %1</translation>
    </message>
  </context>
  <context>
    <name>Questionnaire</name>
    <message>
      <location filename="../questionnaire.py" line="164" />
      <source>&amp;Check the whole form</source>
      <translation>&amp;Kontroller heile skjemaet</translation>
    </message>
    <message>
      <location filename="../questionnaire.py" line="167" />
      <source>Show the findings of every question, also those not visited</source>
      <translation>Vis funna for alle spørsmåla, også dei du ikkje har vore innom</translation>
    </message>
    <message>
      <location filename="../questionnaire.py" line="176" />
      <source>&amp;Import answers…</source>
      <translation>I&amp;mporter svar …</translation>
    </message>
    <message>
      <location filename="../questionnaire.py" line="180" />
      <source>Exp&amp;ort answers…</source>
      <translation>Eks&amp;porter svar …</translation>
    </message>
    <message>
      <location filename="../questionnaire.py" line="184" />
      <source>Start f&amp;rom last year…</source>
      <translation>F&amp;yll ut frå i fjor …</translation>
    </message>
    <message>
      <location filename="../questionnaire.py" line="187" />
      <source>Fill in the form from last year's answers (a draft or a file)</source>
      <translation>Fyll ut skjemaet med svara frå i fjor (eit utkast eller ei fil)</translation>
    </message>
    <message>
      <location filename="../questionnaire.py" line="193" />
      <source>&amp;Print or save as PDF…</source>
      <translation>Skriv &amp;ut eller lagre som PDF …</translation>
    </message>
    <message>
      <location filename="../questionnaire.py" line="196" />
      <source>Writes the filled form with its findings to a PDF, to keep or print before it is submitted</source>
      <translation>Skriv det utfylte skjemaet med funna til ein PDF som du kan ta vare på eller skrive ut før det blir sendt inn</translation>
    </message>
    <message numerus="yes">
      <location filename="../questionnaire.py" line="268" />
      <source>%n finding(s) of questions not visited yet are not shown; Check the whole form shows them.</source>
      <translation>
        <numerusform>%n funn for spørsmål du ikkje har vore innom enno, blir ikkje viste; «Kontroller heile skjemaet» viser det.</numerusform>
        <numerusform>%n funn for spørsmål du ikkje har vore innom enno, blir ikkje viste; «Kontroller heile skjemaet» viser dei.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../questionnaire.py" line="275" />
      <source>%n finding(s): see the questions marked and the list below.</source>
      <translation>
        <numerusform>%n funn: sjå spørsmålet som er merkt, og lista nedanfor.</numerusform>
        <numerusform>%n funn: sjå spørsmåla som er merkte, og lista nedanfor.</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../questionnaire.py" line="280" />
      <source>No findings.</source>
      <translation>Ingen funn.</translation>
    </message>
    <message>
      <location filename="../questionnaire_files.py" line="31" />
      <location filename="../questionnaire_files.py" line="45" />
      <source>Import answers</source>
      <translation>Importer svar</translation>
    </message>
    <message>
      <location filename="../questionnaire_files.py" line="48" />
      <location filename="../questionnaire_files.py" line="87" />
      <source>Answers (*.json)</source>
      <translation>Svarfiler (*.json)</translation>
    </message>
    <message>
      <location filename="../questionnaire_files.py" line="60" />
      <source>The answers in the form will be replaced by the file's. You can undo this with Ctrl+Z. Continue?</source>
      <translation>Svara i skjemaet blir erstatta av svara i fila. Du kan angre med Ctrl+Z. Halde fram?</translation>
    </message>
    <message numerus="yes">
      <location filename="../questionnaire_files.py" line="72" />
      <source>%n answer(s) read from %1.</source>
      <translation>
        <numerusform>%n svar lese frå %1.</numerusform>
        <numerusform>%n svar lese frå %1.</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../questionnaire_files.py" line="83" />
      <source>Export answers</source>
      <translation>Eksporter svar</translation>
    </message>
    <message numerus="yes">
      <location filename="../questionnaire_files.py" line="100" />
      <source>%n answer(s) written to %1.</source>
      <translation>
        <numerusform>%n svar skrive til %1.</numerusform>
        <numerusform>%n svar skrive til %1.</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../questionnaire_files.py" line="116" />
      <source>Print or save as PDF</source>
      <translation>Skriv ut eller lagre som PDF</translation>
    </message>
    <message>
      <location filename="../questionnaire_files.py" line="120" />
      <source>PDF (*.pdf)</source>
      <translation>PDF (*.pdf)</translation>
    </message>
    <message>
      <location filename="../questionnaire_files.py" line="144" />
      <source>The form is written to %1. It is a printout for checking and keeping, not a receipt: the form is not submitted.</source>
      <translation>Skjemaet er skrive til %1. Det er ei utskrift til kontroll og arkiv, ikkje ei kvittering: skjemaet er ikkje sendt inn.</translation>
    </message>
    <message>
      <location filename="../questionnaire_files.py" line="149" />
      <source>&amp;Open PDF</source>
      <translation>&amp;Opne PDF</translation>
    </message>
  </context>
  <context>
    <name>RecordPage</name>
    <message>
      <location filename="../record_page.py" line="46" />
      <source>Journal number, caseworker or national identity number</source>
      <translation>Journalnummer, saksbehandler eller fødselsnummer</translation>
    </message>
    <message>
      <location filename="../record_page.py" line="50" />
      <source>Se&amp;arch:</source>
      <translation>S&amp;øk:</translation>
    </message>
    <message>
      <location filename="../record_page.py" line="52" />
      <source>Search records</source>
      <translation>Søk i postane</translation>
    </message>
    <message>
      <location filename="../record_page.py" line="54" />
      <source>Only records with findin&amp;gs</source>
      <translation>&amp;Berre postar med funn</translation>
    </message>
    <message>
      <location filename="../record_page.py" line="64" />
      <source>All</source>
      <translation>Alle</translation>
    </message>
    <message>
      <location filename="../record_page.py" line="77" />
      <source>Se&amp;verity:</source>
      <translation>Al&amp;vor:</translation>
    </message>
    <message>
      <location filename="../record_page.py" line="78" />
      <source>C&amp;ontrol:</source>
      <translation>K&amp;ontroll:</translation>
    </message>
    <message>
      <location filename="../record_page.py" line="79" />
      <source>Case&amp;worker:</source>
      <translation>Saksbe&amp;handlar:</translation>
    </message>
    <message>
      <location filename="../record_page.py" line="104" />
      <source>(blank)</source>
      <translation>(blank)</translation>
    </message>
    <message>
      <location filename="../record_page.py" line="129" />
      <source>Records</source>
      <translation>Postar</translation>
    </message>
    <message>
      <location filename="../record_page.py" line="162" />
      <source>&amp;Many lines</source>
      <translation>&amp;Fleire liner</translation>
    </message>
    <message>
      <location filename="../record_page.py" line="166" />
      <source>Set a field on the selected lines…</source>
      <translation>Set eit felt på dei valde linene …</translation>
    </message>
    <message>
      <location filename="../record_page.py" line="170" />
      <source>Find and replace in a column…</source>
      <translation>Søk og byt ut i ein kolonne …</translation>
    </message>
    <message>
      <location filename="../record_page.py" line="174" />
      <source>Paste rows from a spreadsheet</source>
      <translation>Lim inn rader frå rekneark</translation>
    </message>
    <message>
      <location filename="../record_page.py" line="181" />
      <source>Merge the two selected lines</source>
      <translation>Slå saman dei to valde linene</translation>
    </message>
    <message>
      <location filename="../record_page.py" line="189" />
      <source>&amp;New record</source>
      <translation>&amp;Ny post</translation>
    </message>
    <message>
      <location filename="../record_page.py" line="191" />
      <source>&amp;Copy record</source>
      <translation>&amp;Kopier post</translation>
    </message>
    <message>
      <location filename="../record_page.py" line="194" />
      <source>&amp;Delete record</source>
      <translation>S&amp;lett post</translation>
    </message>
    <message>
      <location filename="../record_page.py" line="219" />
      <source>Record editor</source>
      <translation>Postredigering</translation>
    </message>
    <message numerus="yes">
      <location filename="../record_page.py" line="274" />
      <source>Records: %Ln</source>
      <translation>
        <numerusform>%Ln post</numerusform>
        <numerusform>%Ln postar</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../record_page.py" line="277" />
      <source>%1 of %2 records</source>
      <translation>%1 av %2 postar</translation>
    </message>
    <message>
      <location filename="../record_page.py" line="395" />
      <source>Many lines</source>
      <translation>Fleire liner</translation>
    </message>
    <message numerus="yes">
      <location filename="../record_page.py" line="409" />
      <source>Set %1 on %n line(s)</source>
      <translation>
        <numerusform>Set %1 på %n line</numerusform>
        <numerusform>Set %1 på %n liner</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../record_page.py" line="420" />
      <source>Replace in %1</source>
      <translation>Byt ut i %1</translation>
    </message>
    <message>
      <location filename="../record_page.py" line="451" />
      <source>Merge lines %1 and %2</source>
      <translation>Slå saman line %1 og %2</translation>
    </message>
    <message>
      <location filename="../record_page.py" line="464" />
      <source>Merged; check these, which differed: %1</source>
      <translation>Slått saman; sjekk desse, som var ulike: %1</translation>
    </message>
    <message>
      <location filename="../record_page.py" line="478" />
      <source>Set a field</source>
      <translation>Set eit felt</translation>
    </message>
    <message numerus="yes">
      <location filename="../record_page.py" line="479" />
      <source>The value goes into the field on the %n selected line(s).</source>
      <translation>
        <numerusform>Verdien blir sett inn i feltet på den valde lina.</numerusform>
        <numerusform>Verdien blir sett inn i feltet på dei %n valde linene.</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../record_page.py" line="500" />
      <source>Find and replace</source>
      <translation>Søk og byt ut</translation>
    </message>
    <message numerus="yes">
      <location filename="../record_page.py" line="501" />
      <source>Replaces in one column of the %n line(s) shown.</source>
      <translation>
        <numerusform>Byter ut i éin kolonne på lina som blir vist.</numerusform>
        <numerusform>Byter ut i éin kolonne på dei %n linene som blir viste.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>RecordTableModel</name>
    <message>
      <location filename="../record_model.py" line="83" />
      <source>Line</source>
      <translation>Line</translation>
    </message>
    <message>
      <location filename="../record_model.py" line="84" />
      <source>Line number in the file</source>
      <translation>Linjenummer i fila</translation>
    </message>
    <message>
      <location filename="../record_model.py" line="86" />
      <source>Findings</source>
      <translation>Funn</translation>
    </message>
  </context>
  <context>
    <name>SectionedForm</name>
    <message>
      <location filename="../form_view.py" line="35" />
      <source>Questions</source>
      <translation>Spørsmål</translation>
    </message>
  </context>
  <context>
    <name>SetupDialog</name>
    <message>
      <location filename="../setup_dialog.py" line="39" />
      <source>Reporting unit</source>
      <translation>Rapporteringseining</translation>
    </message>
    <message>
      <location filename="../setup_dialog.py" line="42" />
      <source>Who reports? This is used for every form and can be changed later under Settings.</source>
      <translation>Kven rapporterer? Dette blir brukt for alle skjema og kan endrast seinare under Innstillingar.</translation>
    </message>
    <message>
      <location filename="../setup_dialog.py" line="69" />
      <source>&amp;Municipality number:</source>
      <translation>&amp;Kommunenummer:</translation>
    </message>
    <message>
      <location filename="../setup_dialog.py" line="72" />
      <source>&amp;Name:</source>
      <translation>&amp;Namn:</translation>
    </message>
    <message>
      <location filename="../setup_dialog.py" line="73" />
      <source>&amp;District:</source>
      <translation>&amp;Bydel:</translation>
    </message>
    <message>
      <location filename="../setup_dialog.py" line="76" />
      <source>&amp;Organisation number:</source>
      <translation>&amp;Organisasjonsnummer:</translation>
    </message>
    <message>
      <location filename="../setup_dialog.py" line="142" />
      <source>The municipality number has four digits, for example 4601.</source>
      <translation>Kommunenummeret har fire siffer, til dømes 4601.</translation>
    </message>
    <message>
      <location filename="../setup_dialog.py" line="145" />
      <source>Write the municipality's name.</source>
      <translation>Skriv namnet på kommunen.</translation>
    </message>
    <message>
      <location filename="../setup_dialog.py" line="146" />
      <source>Choose the district.</source>
      <translation>Vel bydel.</translation>
    </message>
    <message>
      <location filename="../setup_dialog.py" line="147" />
      <source>The organisation number has nine digits and its last digit must match the others (mod 11). Check it in the Central Coordinating Register (Brønnøysundregistrene).</source>
      <translation>Organisasjonsnummeret har ni siffer, og det siste sifferet må stemme med dei andre (mod 11). Sjekk det i Brønnøysundregistera.</translation>
    </message>
  </context>
  <context>
    <name>StatisticsTab</name>
    <message>
      <location filename="../statistics_tab.py" line="82" />
      <source>Statistics</source>
      <translation>Statistikk</translation>
    </message>
    <message>
      <location filename="../statistics_tab.py" line="119" />
      <source>This form has no statistics.</source>
      <translation>Dette skjemaet har ingen statistikk.</translation>
    </message>
    <message>
      <location filename="../statistics_tab.py" line="122" />
      <source>%1 records in %2. The same figures are in the HTML report and on the receipt.</source>
      <translation>%1 postar i %2. Dei same tala står i HTML-rapporten og på kvitteringa.</translation>
    </message>
    <message>
      <location filename="../statistics_tab.py" line="155" />
      <source>Kroner</source>
      <translation>Kroner</translation>
    </message>
    <message>
      <location filename="../statistics_tab.py" line="156" />
      <source>Count</source>
      <translation>Tal</translation>
    </message>
    <message>
      <location filename="../statistics_tab.py" line="157" />
      <source>Group</source>
      <translation>Gruppe</translation>
    </message>
  </context>
  <context>
    <name>TableEditor</name>
    <message>
      <location filename="../table_editor.py" line="161" />
      <source>Type in a cell to answer; Ctrl+V pastes rows copied from a spreadsheet</source>
      <translation>Skriv i ei celle for å svare; Ctrl+V limer inn rader kopierte frå eit rekneark</translation>
    </message>
    <message>
      <location filename="../table_editor.py" line="167" />
      <source>Add row</source>
      <translation>Legg til rad</translation>
    </message>
    <message>
      <location filename="../table_editor.py" line="169" />
      <source>Copy row</source>
      <translation>Kopier rad</translation>
    </message>
    <message>
      <location filename="../table_editor.py" line="172" />
      <source>Remove row</source>
      <translation>Fjern rad</translation>
    </message>
    <message>
      <location filename="../table_editor.py" line="175" />
      <source>Paste rows</source>
      <translation>Lim inn rader</translation>
    </message>
    <message>
      <location filename="../table_editor.py" line="178" />
      <source>Adds the rows copied from a spreadsheet (columns in the table's order)</source>
      <translation>Legg til radene du har kopiert frå eit rekneark (kolonnane i rekkjefølgja til tabellen)</translation>
    </message>
    <message>
      <location filename="../table_editor.py" line="290" />
      <source>The clipboard has no rows to paste. Copy the rows in the spreadsheet (without the heading or with it) and try again.</source>
      <translation>Utklippstavla har ingen rader å lime inn. Kopier radene i reknearket (med eller utan overskrifta) og prøv igjen.</translation>
    </message>
    <message numerus="yes">
      <location filename="../table_editor.py" line="333" />
      <source>%n row(s) pasted.</source>
      <translation>
        <numerusform>%n rad limt inn.</numerusform>
        <numerusform>%n rader limte inn.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../table_editor.py" line="336" />
      <source>%n row(s) did not fit: the table has room for %1.</source>
      <translation>
        <numerusform>%n rad fekk ikkje plass: tabellen har plass til %1.</numerusform>
        <numerusform>%n rader fekk ikkje plass: tabellen har plass til %1.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../table_editor.py" line="344" />
      <source>%n cell(s) could not be read and were left blank; correct them in the table:</source>
      <translation>
        <numerusform>%n celle kunne ikkje lesast og står tom; rett ho i tabellen:</numerusform>
        <numerusform>%n celler kunne ikkje lesast og står tomme; rett dei i tabellen:</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../table_editor.py" line="444" />
      <source>%n row(s)</source>
      <translation>
        <numerusform>%n rad</numerusform>
        <numerusform>%n rader</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../table_editor.py" line="446" />
      <source>%1 (at most %2)</source>
      <translation>%1 (høgst %2)</translation>
    </message>
    <message>
      <location filename="../table_editor.py" line="531" />
      <source>Computed from the answers above</source>
      <translation>Blir rekna ut frå svara ovanfor</translation>
    </message>
  </context>
  <context>
    <name>Texts</name>
    <message>
      <location filename="../texts.py" line="10" />
      <source>Fatal error</source>
      <translation>Kritisk feil</translation>
    </message>
    <message>
      <location filename="../texts.py" line="11" />
      <source>Error</source>
      <translation>Feil</translation>
    </message>
    <message>
      <location filename="../texts.py" line="12" />
      <source>Warning</source>
      <translation>Åtvaring</translation>
    </message>
    <message>
      <location filename="../texts.py" line="13" />
      <location filename="../texts.py" line="19" />
      <source>Information</source>
      <translation>Informasjon</translation>
    </message>
    <message>
      <location filename="../texts.py" line="16" />
      <source>Fatal errors</source>
      <translation>Kritiske feil</translation>
    </message>
    <message>
      <location filename="../texts.py" line="17" />
      <source>Errors</source>
      <translation>Feil</translation>
    </message>
    <message>
      <location filename="../texts.py" line="18" />
      <source>Warnings</source>
      <translation>Åtvaringar</translation>
    </message>
    <message>
      <location filename="../texts.py" line="22" />
      <source>Not started</source>
      <translation>Ikkje starta</translation>
    </message>
    <message>
      <location filename="../texts.py" line="23" />
      <source>Draft</source>
      <translation>Utkast</translation>
    </message>
    <message>
      <location filename="../texts.py" line="24" />
      <source>Has errors</source>
      <translation>Har feil</translation>
    </message>
    <message>
      <location filename="../texts.py" line="25" />
      <source>Warnings need explanation</source>
      <translation>Åtvaringar treng forklaring</translation>
    </message>
    <message>
      <location filename="../texts.py" line="26" />
      <source>Ready</source>
      <translation>Klart</translation>
    </message>
    <message>
      <location filename="../texts.py" line="27" />
      <source>Signed</source>
      <translation>Signert</translation>
    </message>
    <message>
      <location filename="../texts.py" line="29" />
      <source>Signed: nothing to report</source>
      <translation>Signert: ingenting å rapportere</translation>
    </message>
    <message>
      <location filename="../texts.py" line="79" />
      <source>No findings</source>
      <translation>Ingen funn</translation>
    </message>
    <message>
      <location filename="../texts.py" line="100" />
      <source>%1 at %2</source>
      <translation>%1 kl. %2</translation>
    </message>
  </context>
</TS>