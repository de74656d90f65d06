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
#define BundleDir "..\dist\kostra-klient"

[Setup]
; The AppId identifies the product for upgrades and uninstall: never change it.
AppId={{3DF4A624-F313-4D1A-8269-94E2A74E92FD}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=KOSTRA-klienten
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
VersionInfoProductVersion={#AppVersion}
VersionInfoDescription={#AppName} {#AppVersion} installasjon
; Per machine, for every user: needs administrator rights; C:\Program Files\KOSTRA-klienten.
PrivilegesRequired=admin
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
; A running client holds its files open: ask it to close (silently: close it) first.
CloseApplications=force
RestartApplications=no
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\kostra-klient.exe
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
