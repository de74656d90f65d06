; Inno Setup 6.3+ script: a per-machine Windows installer around the PyInstaller folder
; dist\kostra-klient\ (build it first with build.spec; see README, "Bygge pakken").
;
; Build (from the repository root, on Windows):
;     "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 installer\kostra-klient.iss
; gives dist\installer\kostra-klient-0.1.0-setup.exe.
;
; Silent install and uninstall (for IT's software distribution; exit code 0 on success):
;     kostra-klient-0.1.0-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /LOG="%TEMP%\kostra-install.log"
;     "C:\Program Files\KOSTRA-klienten\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
;
; Code signing (optional; tools/build_windows.ps1 does all of it): with the office's
; code-signing certificate in the certificate store, give its SHA-1 thumbprint and a
; sign tool named "kostrasign" that runs SignTool:
;     ISCC "/Skostrasign=$qC:\Program Files (x86)\Windows Kits\10\bin\10.0.22621.0\x64\signtool.exe$q $p" ^
;          /DAppVersion=0.1.0 /DSignThumbprint=0123…CDEF [/DTimestampUrl=http://…] installer\kostra-klient.iss
; The installer and its uninstaller are then signed (with an RFC 3161 time stamp, so the
; signature outlives the certificate). Without /DSignThumbprint nothing is signed.
; Sign the programs in dist\kostra-klient\ before this (the script does), since the
; installer packs them as they are.
; The uninstaller's command is also in the registry: HKLM\Software\Microsoft\Windows\
; CurrentVersion\Uninstall\{3DF4A624-F313-4D1A-8269-94E2A74E92FD}_is1, values
; UninstallString and QuietUninstallString. Installing a newer version over an older
; one replaces it in place (same AppId). Users' drafts, settings and installed form
; packs live in their own profile (%LOCALAPPDATA%\KOSTRA-klienten) and are never removed.

#ifndef AppVersion
  #error Give the version: ISCC /DAppVersion=0.1.0 installer\kostra-klient.iss
#endif
#if Ver < EncodeVer(6, 3, 0)
  #error Inno Setup 6.3 or newer is needed (x64compatible)
#endif
#define AppName "KOSTRA-klienten"
; The same as [tool.kostra-klienten.windows] company in pyproject.toml (the programs'
; version resource); a test checks that they agree.
#define AppPublisher "KOSTRA-klienten"
#ifndef TimestampUrl
  #define TimestampUrl "http://timestamp.digicert.com"
#endif
#define BundleDir "..\dist\kostra-klient"

[Setup]
; The AppId identifies the product for upgrades and uninstall: never change it.
AppId={{3DF4A624-F313-4D1A-8269-94E2A74E92FD}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
VersionInfoProductVersion={#AppVersion}
VersionInfoDescription={#AppName} {#AppVersion} installasjon
VersionInfoCompany={#AppPublisher}
; Per machine, for every user: needs administrator rights; C:\Program Files\KOSTRA-klienten.
PrivilegesRequired=admin
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 needs Windows 10 version 1809 (build 17763) or newer: Qt6Core uses the ICU that
; Windows itself ships from that build on. Older builds would install and then not start.
MinVersion=10.0.17763
; A running client holds its files open: ask it to close (silently: close it) first.
CloseApplications=force
RestartApplications=no
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\kostra-klient.exe
SetupIconFile=..\resources\icons\kostra-klient.ico
#ifdef SignThumbprint
  ; An empty /DTimestampUrl= signs without a time stamp (the signature then ends with the
  ; certificate's validity).
  #if TimestampUrl != ""
    #define StampArgs "/tr " + TimestampUrl + " /td sha256"
  #else
    #define StampArgs ""
  #endif
SignTool=kostrasign sign /sha1 {#SignThumbprint} /fd sha256 {#StampArgs} /d $q{#AppName}$q $f
SignedUninstaller=yes
#endif
OutputDir=..\dist\installer
OutputBaseFilename=kostra-klient-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=no

[Languages]
Name: "nb"; MessagesFile: "compiler:Languages\Norwegian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[InstallDelete]
; The previous version's libraries: an upgrade must not leave stale files beside the new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\kostra-klient.exe"; Comment: "Kontroller og send inn KOSTRA-skjema"

[Run]
Filename: "{app}\kostra-klient.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
