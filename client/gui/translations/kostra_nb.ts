<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nb_NO">
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
      <translation>Skjemadefinisjoner:</translation>
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
      <translation>Kontrollerer og sender inn KOSTRA-statistikk for sosiale tjenester til Statistisk sentralbyrå.</translation>
    </message>
    <message>
      <location filename="../about.py" line="52" />
      <source>Versions</source>
      <translation>Versjoner</translation>
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
      <translation>Skriv det samme passordet en gang til</translation>
    </message>
    <message>
      <location filename="../asker.py" line="168" />
      <source>The two passphrases were not the same. Try again.</source>
      <translation>De to passordene var ikke like. Prøv igjen.</translation>
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
      <translation>Ikke klart til innsending</translation>
    </message>
    <message numerus="yes">
      <location filename="../blocked_dialog.py" line="38" />
      <source>%n error(s) must be corrected</source>
      <translation>
        <numerusform>%n feil må rettes</numerusform>
        <numerusform>%n feil må rettes</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../blocked_dialog.py" line="44" />
      <source>%n warning(s) need a written explanation</source>
      <translation>
        <numerusform>%n advarsel må forklares</numerusform>
        <numerusform>%n advarsler må forklares</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../blocked_dialog.py" line="49" />
      <source>The form cannot be submitted yet: %1.</source>
      <translation>Skjemaet kan ikke sendes inn ennå: %1.</translation>
    </message>
    <message>
      <location filename="../blocked_dialog.py" line="55" />
      <source>What blocks the submission</source>
      <translation>Det som hindrer innsending</translation>
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
      <translation>Kontroller bydelsfilene sammen</translation>
    </message>
    <message>
      <location filename="../bydeler.py" line="59" />
      <source>Choose every bydel's file of the form. Each file is checked by itself, then all together: a person in more than one file is counted once by SSB.</source>
      <translation>Velg filen fra hver bydel for skjemaet. Hver fil kontrolleres for seg, deretter alle sammen: SSB teller en person som er med i flere filer, bare én gang.</translation>
    </message>
    <message>
      <location filename="../bydeler.py" line="70" />
      <source>&amp;Form:</source>
      <translation>&amp;Skjema:</translation>
    </message>
    <message>
      <location filename="../bydeler.py" line="73" />
      <source>&amp;Choose files and check…</source>
      <translation>&amp;Velg filer og kontroller …</translation>
    </message>
    <message>
      <location filename="../bydeler.py" line="81" />
      <source>File</source>
      <translation>Fil</translation>
    </message>
    <message>
      <location filename="../bydeler.py" line="82" />
      <source>Records</source>
      <translation>Poster</translation>
    </message>
    <message>
      <location filename="../bydeler.py" line="90" />
      <source>Each file</source>
      <translation>Hver fil</translation>
    </message>
    <message>
      <location filename="../bydeler.py" line="92" />
      <source>People in more than one file:</source>
      <translation>Personer i mer enn én fil:</translation>
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
      <translation>Velg minst to filer for å kontrollere dem sammen.</translation>
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
        <numerusform>%n person er med i mer enn én fil. SSB teller personen én gang for kommunen.</numerusform>
        <numerusform>%n personer er med i mer enn én fil. SSB teller hver av dem én gang for kommunen.</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../bydeler.py" line="199" />
      <source>Nobody is in more than one file.</source>
      <translation>Ingen personer er med i mer enn én fil.</translation>
    </message>
  </context>
  <context>
    <name>Certificates</name>
    <message>
      <location filename="../certificates.py" line="72" />
      <source>This replaces the current signing certificate (%1). Forms signed with it stay valid, but the old key is deleted from this computer. Continue?</source>
      <translation>Dette erstatter signeringssertifikatet du har nå (%1). Skjemaer som er signert med det, er fortsatt gyldige, men den gamle nøkkelen slettes fra denne maskinen. Fortsette?</translation>
    </message>
    <message>
      <location filename="../certificates.py" line="82" />
      <source>Import enterprise certificate</source>
      <translation>Importer virksomhetssertifikat</translation>
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
      <translation>Velg rapporteringsenhet først (Innstillinger, Rapporteringsenhet): testsertifikatet får organisasjonsnummeret og navnet til enheten.</translation>
    </message>
    <message>
      <location filename="../certificates.py" line="128" />
      <location filename="../certificates.py" line="243" />
      <source>SSB's encryption certificate</source>
      <translation>SSBs krypteringssertifikat</translation>
    </message>
    <message>
      <location filename="../certificates.py" line="130" />
      <source>Certificates (*.pem *.cer *.crt *.der)</source>
      <translation>Sertifikater (*.pem *.cer *.crt *.der)</translation>
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
      <translation>Skjemaet signeres med kommunens virksomhetssertifikat før det sendes inn, og denne maskinen har ikke noe sertifikat ennå.

Et testsertifikat lages her og nå med rapporteringsenhetens organisasjonsnummer. Det er fint for å prøve klienten, men SSB godtar bare virksomhetssertifikatet.</translation>
    </message>
    <message>
      <location filename="../certificates.py" line="162" />
      <source>Import enterprise certificate (.p12)…</source>
      <translation>Importer virksomhetssertifikat (.p12) …</translation>
    </message>
    <message>
      <location filename="../certificates.py" line="182" />
      <source>Certificates</source>
      <translation>Sertifikater</translation>
    </message>
    <message>
      <location filename="../certificates.py" line="214" />
      <source>Organisation:</source>
      <translation>Virksomhet:</translation>
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
      <translation>Utstedt til:</translation>
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
      <translation>&amp;Importer virksomhetssertifikat (.p12) …</translation>
    </message>
    <message>
      <location filename="../certificates.py" line="228" />
      <source>Create &amp;test certificate</source>
      <translation>Lag &amp;testsertifikat</translation>
    </message>
    <message>
      <location filename="../certificates.py" line="257" />
      <source>Set &amp;SSB certificate (.pem/.cer)…</source>
      <translation>Velg &amp;SSBs sertifikat (.pem/.cer) …</translation>
    </message>
    <message>
      <location filename="../certificates.py" line="282" />
      <source>No signing certificate yet. Import the municipality's enterprise certificate, or create a test certificate to try the client.</source>
      <translation>Ingen signeringssertifikat ennå. Importer kommunens virksomhetssertifikat, eller lag et testsertifikat for å prøve klienten.</translation>
    </message>
    <message>
      <location filename="../certificates.py" line="293" />
      <source>none</source>
      <translation>mangler</translation>
    </message>
    <message>
      <location filename="../certificates.py" line="297" />
      <source>(expired)</source>
      <translation>(utløpt)</translation>
    </message>
    <message>
      <location filename="../certificates.py" line="300" />
      <source>Test certificate (self-signed): SSB does not accept it.</source>
      <translation>Testsertifikat (selvsignert): SSB godtar det ikke.</translation>
    </message>
    <message>
      <location filename="../certificates.py" line="304" />
      <source>Enterprise certificate issued by %1</source>
      <translation>Virksomhetssertifikat utstedt av %1</translation>
    </message>
    <message>
      <location filename="../certificates.py" line="309" />
      <source>Its passphrase is kept in the system's keyring.</source>
      <translation>Passordet ligger i operativsystemets nøkkelring.</translation>
    </message>
    <message>
      <location filename="../certificates.py" line="313" />
      <source>You are asked for its passphrase each time you sign.</source>
      <translation>Du blir spurt om passordet hver gang du signerer.</translation>
    </message>
    <message>
      <location filename="../certificates.py" line="326" />
      <source>Not set up: the data files are signed but not encrypted.</source>
      <translation>Ikke satt opp: datafilene signeres, men krypteres ikke.</translation>
    </message>
    <message>
      <location filename="../certificates.py" line="330" />
      <source>The data files are encrypted to this certificate.</source>
      <translation>Datafilene krypteres til dette sertifikatet.</translation>
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
      <translation>Slett poster</translation>
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
        <numerusform>Forklar %n advarsel</numerusform>
        <numerusform>Forklar %n advarsler</numerusform>
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
      <translation>%1 av %2 tegn</translation>
    </message>
    <message>
      <location filename="../widgets.py" line="331" />
      <source>Choose a date in a calendar (Alt+Down)</source>
      <translation>Velg dato i en kalender (Alt+Pil ned)</translation>
    </message>
    <message>
      <location filename="../widgets.py" line="334" />
      <source>Open calendar: %1</source>
      <translation>Åpne kalender: %1</translation>
    </message>
  </context>
  <context>
    <name>FieldValueDialog</name>
    <message>
      <location filename="../bulk_dialog.py" line="41" />
      <source>&amp;Whole value only</source>
      <translation>Bare &amp;hele verdien</translation>
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
      <translation>&amp;Erstatt med:</translation>
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
      <translation>Linje</translation>
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
        <numerusform>%Ln poster</numerusform>
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
      <translation>(kontroll %1 sa det samme: %2)</translation>
    </message>
    <message>
      <location filename="../findings_panel.py" line="138" />
      <source>(also on line %1)</source>
      <translation>(også linje %1)</translation>
    </message>
    <message>
      <location filename="../findings_panel.py" line="144" />
      <source>Explained</source>
      <translation>Forklart</translation>
    </message>
    <message>
      <location filename="../findings_panel.py" line="146" />
      <source>Confirm the explanation</source>
      <translation>Bekreft forklaringen</translation>
    </message>
    <message>
      <location filename="../findings_panel.py" line="148" />
      <source>Needs explanation</source>
      <translation>Trenger forklaring</translation>
    </message>
  </context>
  <context>
    <name>FindingsPanel</name>
    <message numerus="yes">
      <location filename="../findings_panel.py" line="233" />
      <source>Not ready: %n warning(s) need a written explanation.</source>
      <translation>
        <numerusform>Ikke klart: %n advarsel trenger en skriftlig forklaring.</numerusform>
        <numerusform>Ikke klart: %n advarsler trenger en skriftlig forklaring.</numerusform>
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
      <translation>Det valgte funnet i sin helhet</translation>
    </message>
    <message>
      <location filename="../findings_panel.py" line="277" />
      <source>E&amp;xplanation of the warning:</source>
      <translation>Forklaring av &amp;advarselen:</translation>
    </message>
    <message>
      <location filename="../findings_panel.py" line="283" />
      <source>Why the value is right although the control warns</source>
      <translation>Hvorfor verdien er riktig selv om kontrollen advarer</translation>
    </message>
    <message>
      <location filename="../findings_panel.py" line="289" />
      <source>Explanation of the warning</source>
      <translation>Forklaring av advarselen</translation>
    </message>
    <message>
      <location filename="../findings_panel.py" line="293" />
      <source>A value the control reads has changed since this warning was explained. Check the explanation and confirm it, or write a new one.</source>
      <translation>En verdi som kontrollen leser, er endret etter at advarselen ble forklart. Sjekk forklaringen og bekreft den, eller skriv en ny.</translation>
    </message>
    <message>
      <location filename="../findings_panel.py" line="302" />
      <source>&amp;Confirm the explanation</source>
      <translation>&amp;Bekreft forklaringen</translation>
    </message>
    <message>
      <location filename="../findings_panel.py" line="325" />
      <source>Set to &amp;0</source>
      <translation>Sett til &amp;0</translation>
    </message>
    <message>
      <location filename="../findings_panel.py" line="327" />
      <source>Set the negative amount to 0, as SSB would; the explanation is kept</source>
      <translation>Sett det negative beløpet til 0, slik SSB gjør; forklaringen beholdes</translation>
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
      <translation>Ikke klart: rett feilene før skjemaet kan sendes inn.</translation>
    </message>
    <message>
      <location filename="../findings_panel.py" line="393" />
      <source>Not ready: the form is empty.</source>
      <translation>Ikke klart: skjemaet er tomt.</translation>
    </message>
    <message>
      <location filename="../findings_panel.py" line="398" />
      <source>Signed %1. A change calls for a new submission.</source>
      <translation>Signert %1. En endring krever ny innsending.</translation>
    </message>
    <message>
      <location filename="../findings_panel.py" line="402" />
      <source>Ready to submit.</source>
      <translation>Klart til innsending.</translation>
    </message>
    <message>
      <location filename="../findings_panel.py" line="451" />
      <source>Choose a finding to read it in full. Enter goes to its line and field; F8 and Shift+F8 go to the next and previous finding.</source>
      <translation>Velg et funn for å lese hele meldingen. Enter går til linjen og feltet; F8 og Shift+F8 går til neste og forrige funn.</translation>
    </message>
    <message>
      <location filename="../findings_panel.py" line="473" />
      <source>Line %1</source>
      <translation>Linje %1</translation>
    </message>
    <message>
      <location filename="../findings_panel.py" line="481" />
      <source>journal %1</source>
      <translation>journal %1</translation>
    </message>
    <message>
      <location filename="../findings_panel.py" line="525" />
      <source>Use this explanation for all %1 lines of control %2</source>
      <translation>Bruk forklaringen på alle %1 linjene fra kontroll %2</translation>
    </message>
  </context>
  <context>
    <name>FormPage</name>
    <message>
      <location filename="../form_page.py" line="81" />
      <source>&amp;Back to overview</source>
      <translation>&amp;Tilbake til oversikten</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="93" />
      <source>Sub&amp;mit…</source>
      <translation>Sen&amp;d inn …</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="141" />
      <source>&amp;Records</source>
      <translation>&amp;Poster</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="142" />
      <source>S&amp;tatistics</source>
      <translation>S&amp;tatistikk</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="187" />
      <source>Move to a question and press F1 for help with it.</source>
      <translation>Gå til et spørsmål og trykk F1 for hjelp til det.</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="190" />
      <source>Help</source>
      <translation>Hjelp</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="193" />
      <source>There is no help text for this question.</source>
      <translation>Det finnes ingen hjelpetekst til dette spørsmålet.</translation>
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
        <numerusform>Posten i utkastet blir erstattet av postene i filen. Du kan angre med Ctrl+Z. Fortsette?</numerusform>
        <numerusform>De %n postene i utkastet blir erstattet av postene i filen. Du kan angre med Ctrl+Z. Fortsette?</numerusform>
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
      <translation>Leser %1 …</translation>
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
        <numerusform>%n post lest fra %1.</numerusform>
        <numerusform>%n poster lest fra %1.</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../form_page.py" line="354" />
      <source>Since the previous import: %1 fixed, %2 new, %3 remaining.</source>
      <translation>Siden forrige import: %1 rettet, %2 nye, %3 gjenstår.</translation>
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
        <numerusform>%n post skrevet til %1.</numerusform>
        <numerusform>%n poster skrevet til %1.</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../form_page.py" line="405" />
      <source>Findings per caseworker</source>
      <translation>Funn per saksbehandler</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="409" />
      <source>Web page for printing (*.html);;PDF for printing (*.pdf);;Spreadsheet (*.csv)</source>
      <translation>Nettside for utskrift (*.html);;PDF for utskrift (*.pdf);;Regneark (*.csv)</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="435" />
      <source>Could not write %1: %2</source>
      <translation>Kunne ikke skrive %1: %2</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="441" />
      <source>Written to %1.</source>
      <translation>Skrevet til %1.</translation>
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
      <translation>Skjemaet er tomt: importer filen fra fagsystemet eller fyll ut skjemaet før det sendes inn.</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="508" />
      <source>Line %1</source>
      <translation>Linje %1</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="512" />
      <source>journal %1</source>
      <translation>journal %1</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="538" />
      <source>The signing certificate belongs to organisation number %1, but the reporting unit has %2. Sign with this certificate anyway?</source>
      <translation>Signeringssertifikatet hører til organisasjonsnummer %1, men rapporteringsenheten har %2. Vil du signere med dette sertifikatet likevel?</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="556" />
      <source>Folder for the submission file and the receipt</source>
      <translation>Mappe for innsendingsfilen og kvitteringen</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="616" />
      <source>Signing and writing the submission file…</source>
      <translation>Signerer og skriver innsendingsfilen …</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="659" />
      <source>Form %1 is signed, and its data files are encrypted to SSB.</source>
      <translation>Skjema %1 er signert, og datafilene er kryptert til SSB.</translation>
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
      <translation>Signert med et testsertifikat: SSB godtar bare kommunens virksomhetssertifikat.</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="684" />
      <source>How it reaches SSB:</source>
      <translation>Slik kommer det fram til SSB:</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="689" />
      <source>&amp;Open receipt</source>
      <translation>&amp;Åpne kvitteringen</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="690" />
      <source>Open &amp;folder</source>
      <translation>Åpne &amp;mappen</translation>
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
      <translation>Fant ikke noe program for PDF-filer på denne maskinen, så kvitteringen kunne ikke åpnes. Den er lagret som %1. Installer en PDF-leser (eller be IT om det), eller åpne filen på en annen maskin.</translation>
    </message>
    <message>
      <location filename="../form_page.py" line="712" />
      <source>The folder could not be opened. The files are in %1.</source>
      <translation>Mappen kunne ikke åpnes. Filene ligger i %1.</translation>
    </message>
  </context>
  <context>
    <name>LastYear</name>
    <message>
      <location filename="../last_year.py" line="69" />
      <source>Compare with &amp;last year</source>
      <translation>Sammenlign med i &amp;fjor</translation>
    </message>
    <message>
      <location filename="../last_year.py" line="73" />
      <source>Last year's fi&amp;le…</source>
      <translation>Fjorårets fi&amp;l …</translation>
    </message>
    <message>
      <location filename="../last_year.py" line="81" />
      <source>This year's and last year's figures</source>
      <translation>Tallene for i år og i fjor</translation>
    </message>
    <message>
      <location filename="../last_year.py" line="118" />
      <source>No submission from last year in the archive. Choose last year's file to compare the figures.</source>
      <translation>Ingen innsending fra i fjor i arkivet. Velg fjorårets fil for å sammenligne tallene.</translation>
    </message>
    <message>
      <location filename="../last_year.py" line="124" />
      <source>Last year: %1</source>
      <translation>I fjor: %1</translation>
    </message>
    <message>
      <location filename="../last_year.py" line="133" />
      <source>Last year's file</source>
      <translation>Fjorårets fil</translation>
    </message>
    <message>
      <location filename="../last_year.py" line="134" />
      <source>SSB files, drafts and submissions (*.txt *.dat *.json *.asice);;*</source>
      <translation>SSB-filer, utkast og innsendinger (*.txt *.dat *.json *.asice);;*</translation>
    </message>
    <message>
      <location filename="../last_year.py" line="193" />
      <source>Figure</source>
      <translation>Tall</translation>
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
      <translation>Endre &amp;enhet …</translation>
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
      <translation>Funn per &amp;saksbehandler …</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="128" />
      <source>&amp;Close form</source>
      <translation>&amp;Lukk skjema</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="134" />
      <source>Check &amp;bydel files together…</source>
      <translation>Kontroller &amp;bydelsfilene sammen …</translation>
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
      <translation>&amp;Innstillinger</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="198" />
      <source>&amp;Reporting unit…</source>
      <translation>&amp;Rapporteringsenhet …</translation>
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
      <translation>Ingen rapporteringsenhet er valgt ennå</translation>
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
      <translation>Postene i filen gjelder %1. Sjekk rapporteringsenheten, fyll inn det som mangler, og trykk OK: skjemaet åpnes da for denne enheten, og filen importeres der. Utkastet for %2 blir som det er.</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="386" />
      <source>Opening %1…</source>
      <translation>Åpner %1 …</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="402" />
      <source>Draft</source>
      <translation>Utkast</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="509" />
      <source>Draft saved</source>
      <translation>Utkastet er lagret</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="519" />
      <source>Draft not saved</source>
      <translation>Utkastet ble ikke lagret</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="558" />
      <source>Help</source>
      <translation>Hjelp</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="559" />
      <source>Choose the reporting year at the top and open a form from the list. In a form, press F1 on a question for help with it.</source>
      <translation>Velg rapporteringsår øverst og åpne et skjema fra listen. I et skjema trykker du F1 på et spørsmål for å få hjelp til det.</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="585" />
      <source>Install form pack</source>
      <translation>Installer skjemapakke</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="587" />
      <source>Form packs (*.zip)</source>
      <translation>Skjemapakker (*.zip)</translation>
    </message>
  </context>
  <context>
    <name>NilDelivery</name>
    <message>
      <location filename="../nil_delivery.py" line="32" />
      <source>&amp;Nothing to report…</source>
      <translation>Skal &amp;ikke rapportere …</translation>
    </message>
    <message>
      <location filename="../nil_delivery.py" line="34" />
      <source>The municipality has no one to report: submit SSB's nil delivery (one space)</source>
      <translation>Kommunen har ingen å rapportere: send SSBs tomme leveranse (ett mellomrom)</translation>
    </message>
    <message>
      <location filename="../nil_delivery.py" line="58" />
      <source>Nothing to report</source>
      <translation>Skal ikke rapportere</translation>
    </message>
    <message>
      <location filename="../nil_delivery.py" line="60" />
      <source>Submit form %1 as nothing to report? SSB then gets its nil delivery (a file of one space), signed, with a receipt saying the municipality has nothing to report.</source>
      <translation>Sende inn skjema %1 som «skal ikke rapportere»? SSB får da den tomme leveransen (en fil med ett mellomrom), signert, med en kvittering som sier at kommunen ikke har noe å rapportere.</translation>
    </message>
    <message numerus="yes">
      <location filename="../nil_delivery.py" line="67" />
      <source>The draft's records (%n) are not sent; they stay in the draft.</source>
      <translation>
        <numerusform>Utkastets %n post sendes ikke; den blir liggende i utkastet.</numerusform>
        <numerusform>Utkastets %n poster sendes ikke; de blir liggende i utkastet.</numerusform>
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
      <translation>Navn</translation>
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
      <translation>Advarsler</translation>
    </message>
    <message>
      <location filename="../overview.py" line="92" />
      <source>Records</source>
      <translation>Poster</translation>
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
      <translation>Velg et skjema og trykk Enter (eller dobbeltklikk) for å åpne det.</translation>
    </message>
    <message>
      <location filename="../overview.py" line="175" />
      <source>Forms</source>
      <translation>Skjema</translation>
    </message>
    <message>
      <location filename="../overview.py" line="188" />
      <source>No forms installed</source>
      <translation>Ingen skjema er installert</translation>
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
      <translation>Fjorårets svar i %1 kan ikke leses (%2). Ingenting er endret; velg en annen fil: et utkast, en svarfil (JSON) eller en signert innsending som ikke er kryptert (.asice).</translation>
    </message>
    <message>
      <location filename="../prefill_view.py" line="81" />
      <source>Start from last year's answers</source>
      <translation>Fyll ut fra fjorårets svar</translation>
    </message>
    <message>
      <location filename="../prefill_view.py" line="86" />
      <source>Last year's answers (*.json *.asice);;All files (*)</source>
      <translation>Fjorårets svar (*.json *.asice);;Alle filer (*)</translation>
    </message>
    <message>
      <location filename="../prefill_view.py" line="98" />
      <source>The answers in the form will be replaced by last year's. You can undo this with Ctrl+Z. Continue?</source>
      <translation>Svarene i skjemaet blir erstattet av fjorårets. Du kan angre med Ctrl+Z. Fortsette?</translation>
    </message>
    <message>
      <location filename="../prefill_view.py" line="124" />
      <source>From %1, adjusted to this year's choices</source>
      <translation>Fra %1, tilpasset årets svaralternativer</translation>
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
      <translation>Endret fra %1 (i fjor: %2)</translation>
    </message>
    <message numerus="yes">
      <location filename="../prefill_view.py" line="152" />
      <source>%n answer(s) from %1 were not carried over: this year's form has no question for them, or they no longer fit it. Answer these questions again if they still apply:</source>
      <translation>
        <numerusform>%n svar fra %1 er ikke tatt med: årets skjema har ikke spørsmålet, eller svaret passer ikke lenger. Svar på nytt der det fortsatt gjelder:</numerusform>
        <numerusform>%n svar fra %1 er ikke tatt med: årets skjema har ikke spørsmålene, eller svarene passer ikke lenger. Svar på nytt der det fortsatt gjelder:</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../prefill_view.py" line="175" />
      <source>You have answers to this form from %1. Start from them? Every answer taken from %1 is marked, and you can change it.</source>
      <translation>Du har svar på dette skjemaet fra %1. Vil du starte med dem? Hvert svar som hentes fra %1, blir merket, og du kan endre det.</translation>
    </message>
    <message>
      <location filename="../prefill_view.py" line="184" />
      <source>S&amp;tart from %1</source>
      <translation>Start med s&amp;varene fra %1</translation>
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
      <translation>Må fylles ut.</translation>
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
      <translation>&amp;Kontroller hele skjemaet</translation>
    </message>
    <message>
      <location filename="../questionnaire.py" line="167" />
      <source>Show the findings of every question, also those not visited</source>
      <translation>Vis funnene for alle spørsmålene, også dem du ikke har vært innom</translation>
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
      <translation>F&amp;yll ut fra i fjor …</translation>
    </message>
    <message>
      <location filename="../questionnaire.py" line="187" />
      <source>Fill in the form from last year's answers (a draft or a file)</source>
      <translation>Fyll ut skjemaet med fjorårets svar (et utkast eller en fil)</translation>
    </message>
    <message>
      <location filename="../questionnaire.py" line="193" />
      <source>&amp;Print or save as PDF…</source>
      <translation>Skriv &amp;ut eller lagre som PDF …</translation>
    </message>
    <message>
      <location filename="../questionnaire.py" line="196" />
      <source>Writes the filled form with its findings to a PDF, to keep or print before it is submitted</source>
      <translation>Skriver det utfylte skjemaet med funnene til en PDF som du kan ta vare på eller skrive ut før det sendes inn</translation>
    </message>
    <message numerus="yes">
      <location filename="../questionnaire.py" line="268" />
      <source>%n finding(s) of questions not visited yet are not shown; Check the whole form shows them.</source>
      <translation>
        <numerusform>%n funn for spørsmål du ikke har vært innom ennå, vises ikke; «Kontroller hele skjemaet» viser det.</numerusform>
        <numerusform>%n funn for spørsmål du ikke har vært innom ennå, vises ikke; «Kontroller hele skjemaet» viser dem.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../questionnaire.py" line="275" />
      <source>%n finding(s): see the questions marked and the list below.</source>
      <translation>
        <numerusform>%n funn: se spørsmålet som er merket, og listen nedenfor.</numerusform>
        <numerusform>%n funn: se spørsmålene som er merket, og listen nedenfor.</numerusform>
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
      <translation>Svarene i skjemaet blir erstattet av svarene i filen. Du kan angre med Ctrl+Z. Fortsette?</translation>
    </message>
    <message numerus="yes">
      <location filename="../questionnaire_files.py" line="72" />
      <source>%n answer(s) read from %1.</source>
      <translation>
        <numerusform>%n svar lest fra %1.</numerusform>
        <numerusform>%n svar lest fra %1.</numerusform>
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
        <numerusform>%n svar skrevet til %1.</numerusform>
        <numerusform>%n svar skrevet til %1.</numerusform>
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
      <translation>Skjemaet er skrevet til %1. Det er en utskrift til kontroll og arkiv, ikke en kvittering: skjemaet er ikke sendt inn.</translation>
    </message>
    <message>
      <location filename="../questionnaire_files.py" line="149" />
      <source>&amp;Open PDF</source>
      <translation>&amp;Åpne PDF</translation>
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
      <translation>Søk i postene</translation>
    </message>
    <message>
      <location filename="../record_page.py" line="54" />
      <source>Only records with findin&amp;gs</source>
      <translation>&amp;Bare poster med funn</translation>
    </message>
    <message>
      <location filename="../record_page.py" line="64" />
      <source>All</source>
      <translation>Alle</translation>
    </message>
    <message>
      <location filename="../record_page.py" line="77" />
      <source>Se&amp;verity:</source>
      <translation>Al&amp;vorlighet:</translation>
    </message>
    <message>
      <location filename="../record_page.py" line="78" />
      <source>C&amp;ontrol:</source>
      <translation>K&amp;ontroll:</translation>
    </message>
    <message>
      <location filename="../record_page.py" line="79" />
      <source>Case&amp;worker:</source>
      <translation>Saksbe&amp;handler:</translation>
    </message>
    <message>
      <location filename="../record_page.py" line="104" />
      <source>(blank)</source>
      <translation>(blank)</translation>
    </message>
    <message>
      <location filename="../record_page.py" line="129" />
      <source>Records</source>
      <translation>Poster</translation>
    </message>
    <message>
      <location filename="../record_page.py" line="162" />
      <source>&amp;Many lines</source>
      <translation>&amp;Flere linjer</translation>
    </message>
    <message>
      <location filename="../record_page.py" line="166" />
      <source>Set a field on the selected lines…</source>
      <translation>Sett et felt på de valgte linjene …</translation>
    </message>
    <message>
      <location filename="../record_page.py" line="170" />
      <source>Find and replace in a column…</source>
      <translation>Søk og erstatt i en kolonne …</translation>
    </message>
    <message>
      <location filename="../record_page.py" line="174" />
      <source>Paste rows from a spreadsheet</source>
      <translation>Lim inn rader fra regneark</translation>
    </message>
    <message>
      <location filename="../record_page.py" line="181" />
      <source>Merge the two selected lines</source>
      <translation>Slå sammen de to valgte linjene</translation>
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
        <numerusform>%Ln poster</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../record_page.py" line="277" />
      <source>%1 of %2 records</source>
      <translation>%1 av %2 poster</translation>
    </message>
    <message>
      <location filename="../record_page.py" line="395" />
      <source>Many lines</source>
      <translation>Flere linjer</translation>
    </message>
    <message numerus="yes">
      <location filename="../record_page.py" line="409" />
      <source>Set %1 on %n line(s)</source>
      <translation>
        <numerusform>Sett %1 på %n linje</numerusform>
        <numerusform>Sett %1 på %n linjer</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../record_page.py" line="420" />
      <source>Replace in %1</source>
      <translation>Erstatt i %1</translation>
    </message>
    <message>
      <location filename="../record_page.py" line="451" />
      <source>Merge lines %1 and %2</source>
      <translation>Slå sammen linje %1 og %2</translation>
    </message>
    <message>
      <location filename="../record_page.py" line="464" />
      <source>Merged; check these, which differed: %1</source>
      <translation>Slått sammen; sjekk disse, som var ulike: %1</translation>
    </message>
    <message>
      <location filename="../record_page.py" line="478" />
      <source>Set a field</source>
      <translation>Sett et felt</translation>
    </message>
    <message numerus="yes">
      <location filename="../record_page.py" line="479" />
      <source>The value goes into the field on the %n selected line(s).</source>
      <translation>
        <numerusform>Verdien settes inn i feltet på den valgte linjen.</numerusform>
        <numerusform>Verdien settes inn i feltet på de %n valgte linjene.</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../record_page.py" line="500" />
      <source>Find and replace</source>
      <translation>Søk og erstatt</translation>
    </message>
    <message numerus="yes">
      <location filename="../record_page.py" line="501" />
      <source>Replaces in one column of the %n line(s) shown.</source>
      <translation>
        <numerusform>Erstatter i én kolonne på linjen som vises.</numerusform>
        <numerusform>Erstatter i én kolonne på de %n linjene som vises.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>RecordTableModel</name>
    <message>
      <location filename="../record_model.py" line="83" />
      <source>Line</source>
      <translation>Linje</translation>
    </message>
    <message>
      <location filename="../record_model.py" line="84" />
      <source>Line number in the file</source>
      <translation>Linjenummer i filen</translation>
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
      <translation>Rapporteringsenhet</translation>
    </message>
    <message>
      <location filename="../setup_dialog.py" line="42" />
      <source>Who reports? This is used for every form and can be changed later under Settings.</source>
      <translation>Hvem rapporterer? Dette brukes for alle skjema og kan endres senere under Innstillinger.</translation>
    </message>
    <message>
      <location filename="../setup_dialog.py" line="69" />
      <source>&amp;Municipality number:</source>
      <translation>&amp;Kommunenummer:</translation>
    </message>
    <message>
      <location filename="../setup_dialog.py" line="72" />
      <source>&amp;Name:</source>
      <translation>&amp;Navn:</translation>
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
      <translation>Kommunenummeret har fire sifre, for eksempel 4601.</translation>
    </message>
    <message>
      <location filename="../setup_dialog.py" line="145" />
      <source>Write the municipality's name.</source>
      <translation>Skriv navnet på kommunen.</translation>
    </message>
    <message>
      <location filename="../setup_dialog.py" line="146" />
      <source>Choose the district.</source>
      <translation>Velg bydel.</translation>
    </message>
    <message>
      <location filename="../setup_dialog.py" line="147" />
      <source>The organisation number has nine digits and its last digit must match the others (mod 11). Check it in the Central Coordinating Register (Brønnøysundregistrene).</source>
      <translation>Organisasjonsnummeret har ni sifre, og det siste sifferet må stemme med de andre (mod 11). Sjekk det i Brønnøysundregistrene.</translation>
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
      <translation>%1 poster i %2. De samme tallene står i HTML-rapporten og på kvitteringen.</translation>
    </message>
    <message>
      <location filename="../statistics_tab.py" line="155" />
      <source>Kroner</source>
      <translation>Kroner</translation>
    </message>
    <message>
      <location filename="../statistics_tab.py" line="156" />
      <source>Count</source>
      <translation>Antall</translation>
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
      <translation>Skriv i en celle for å svare; Ctrl+V limer inn rader kopiert fra et regneark</translation>
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
      <translation>Legger til radene du har kopiert fra et regneark (kolonnene i tabellens rekkefølge)</translation>
    </message>
    <message>
      <location filename="../table_editor.py" line="290" />
      <source>The clipboard has no rows to paste. Copy the rows in the spreadsheet (without the heading or with it) and try again.</source>
      <translation>Utklippstavlen har ingen rader å lime inn. Kopier radene i regnearket (med eller uten overskriften) og prøv igjen.</translation>
    </message>
    <message numerus="yes">
      <location filename="../table_editor.py" line="333" />
      <source>%n row(s) pasted.</source>
      <translation>
        <numerusform>%n rad limt inn.</numerusform>
        <numerusform>%n rader limt inn.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../table_editor.py" line="336" />
      <source>%n row(s) did not fit: the table has room for %1.</source>
      <translation>
        <numerusform>%n rad fikk ikke plass: tabellen har plass til %1.</numerusform>
        <numerusform>%n rader fikk ikke plass: tabellen har plass til %1.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../table_editor.py" line="344" />
      <source>%n cell(s) could not be read and were left blank; correct them in the table:</source>
      <translation>
        <numerusform>%n celle kunne ikke leses og står tom; rett den i tabellen:</numerusform>
        <numerusform>%n celler kunne ikke leses og står tomme; rett dem i tabellen:</numerusform>
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
      <translation>%1 (høyst %2)</translation>
    </message>
    <message>
      <location filename="../table_editor.py" line="531" />
      <source>Computed from the answers above</source>
      <translation>Regnes ut fra svarene ovenfor</translation>
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
      <translation>Advarsel</translation>
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
      <translation>Advarsler</translation>
    </message>
    <message>
      <location filename="../texts.py" line="22" />
      <source>Not started</source>
      <translation>Ikke påbegynt</translation>
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
      <translation>Advarsler trenger forklaring</translation>
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