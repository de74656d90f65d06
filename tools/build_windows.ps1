<#
.SYNOPSIS
  Build KOSTRA-klienten on Windows: the PyInstaller bundle, optional code signing, both
  self-tests and the Inno Setup installer. The Windows counterpart of tools/build_bundle.sh.

.DESCRIPTION
  From the repository root, in PowerShell 5.1 or 7 (Python 3.11+ 64-bit and Inno Setup 6.3+
  installed; for signing also the Windows SDK's SignTool):

      powershell -ExecutionPolicy Bypass -File tools\build_windows.ps1 [-CertThumbprint 0123…CDEF] [-TimestampUrl http://…]

  1. .venv with `pip install -e ".[build]"`, then `pyinstaller build.spec` (the exes get the
     icon and a version resource with product, company and version from pyproject.toml);
  2. with -CertThumbprint (or $env:KOSTRA_SIGN_THUMBPRINT): SignTool signs both exes and
     every DLL and .pyd in the bundle that is not signed already (Qt's and Python's DLLs
     carry their makers' signatures and are left as they are), with SHA-256 and an
     RFC 3161 time stamp; the certificate is taken by thumbprint from the current user's
     or the machine's certificate store, so no key file or password is on the command
     line. Without a thumbprint this step is skipped and says so;
  3. `kostra.exe selftest` and `start /wait kostra-klient.exe --selftest` (its lines are in
     %TEMP%\kostra-klient-selftest.txt); a failure stops the build;
  4. ISCC builds dist\installer\kostra-klient-<version>-setup.exe, signed the same way (the
     installer and its uninstaller) when a thumbprint was given.
#>
param(
    [string]$CertThumbprint = $env:KOSTRA_SIGN_THUMBPRINT,
    [string]$TimestampUrl = $(if ($env:KOSTRA_TIMESTAMP_URL) { $env:KOSTRA_TIMESTAMP_URL } else { "http://timestamp.digicert.com" }),
    [string]$Python = "py -3.11",
    [string]$Iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe"
)
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)

function Invoke-Checked([string]$What, [scriptblock]$Command) {
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$What failed (exit code $LASTEXITCODE)" }
}

$version = (Select-String -Path pyproject.toml -Pattern '^version\s*=\s*"([^"]+)"').Matches[0].Groups[1].Value
Write-Host "KOSTRA-klienten $version"

# 1. The bundle.
if (-not (Test-Path .venv\Scripts\python.exe)) { Invoke-Checked "venv" { Invoke-Expression "$Python -m venv .venv" } }
Invoke-Checked "pip install" { .venv\Scripts\python.exe -m pip install --quiet -e ".[build]" }
Invoke-Checked "pyinstaller" { .venv\Scripts\pyinstaller.exe build.spec --noconfirm --clean --log-level WARN }
$bundle = "dist\kostra-klient"

# 2. Code signing, when a certificate is given.
$signtool = $null
if ($CertThumbprint) {
    $CertThumbprint = ($CertThumbprint -replace '[^0-9A-Fa-f]', '').ToUpper()
    $signtool = (Get-Command signtool.exe -ErrorAction SilentlyContinue).Source
    if (-not $signtool) {
        $signtool = Get-ChildItem "${env:ProgramFiles(x86)}\Windows Kits\10\bin\*\x64\signtool.exe" -ErrorAction SilentlyContinue |
            Sort-Object FullName -Descending | Select-Object -First 1 -ExpandProperty FullName
    }
    if (-not $signtool) { throw "SignTool not found: install the Windows SDK's signing tools or put signtool.exe on PATH" }
    $unsigned = @("$bundle\kostra-klient.exe", "$bundle\kostra.exe")
    $unsigned += Get-ChildItem $bundle -Recurse -Include *.dll, *.pyd |
        Where-Object { (Get-AuthenticodeSignature $_.FullName).Status -eq "NotSigned" } |
        Select-Object -ExpandProperty FullName
    Write-Host "signing $($unsigned.Count) files with certificate $CertThumbprint"
    $stamp = if ($TimestampUrl) { @("/tr", $TimestampUrl, "/td", "sha256") } else { @() }
    # SignTool takes many files at once; batches keep the command line short.
    for ($i = 0; $i -lt $unsigned.Count; $i += 50) {
        $batch = $unsigned[$i..([Math]::Min($i + 49, $unsigned.Count - 1))]
        Invoke-Checked "signtool" { & $signtool sign /sha1 $CertThumbprint /fd sha256 @stamp /d "KOSTRA-klienten" $batch }
    }
    Invoke-Checked "signtool verify" { & $signtool verify /pa /q "$bundle\kostra-klient.exe" "$bundle\kostra.exe" }
} else {
    Write-Host "no certificate thumbprint given (-CertThumbprint or KOSTRA_SIGN_THUMBPRINT): not signing"
}

# 3. Both self-tests on the bundle.
Invoke-Checked "kostra.exe selftest" { & "$bundle\kostra.exe" selftest }
$gui = Start-Process -FilePath "$bundle\kostra-klient.exe" -ArgumentList "--selftest" -Wait -PassThru
Get-Content "$env:TEMP\kostra-klient-selftest.txt" -Encoding UTF8 | Write-Host
if ($gui.ExitCode -ne 0) { throw "kostra-klient.exe --selftest failed (exit code $($gui.ExitCode))" }

# 4. The installer.
$isccArgs = @("/DAppVersion=$version")
if ($signtool) {
    $isccArgs += "/Skostrasign=`$q$signtool`$q `$p"
    $isccArgs += "/DSignThumbprint=$CertThumbprint"
    $isccArgs += "/DTimestampUrl=$TimestampUrl"  # empty: no time stamp, as for the programs
}
Invoke-Checked "ISCC" { & $Iscc @isccArgs installer\kostra-klient.iss }
Write-Host "done: dist\installer\kostra-klient-$version-setup.exe"
