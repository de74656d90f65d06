<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nn_NO">
  <context>
    <name>QFileDialog</name>
    <message>
      <source>&amp;Look in:</source>
      <translation>&amp;Sjå i:</translation>
    </message>
    <message>
      <source>Files of &amp;type:</source>
      <translation>Fil&amp;type:</translation>
    </message>
  </context>
</TS>
