; Inno Setup 6 script: turns the PyInstaller folder dist\neurongui into a setup.exe
; with a Start-menu entry and an uninstaller (Settings > Apps, or the Start menu).
;
; Normally run by `python packaging\build.py`, which passes the version read from
; neurongui\__init__.py. By hand, from the checkout:
;   iscc /DAppVersion=0.1.0 packaging\windows\neurongui.iss
; Output: dist\neurongui-<version>-windows-setup.exe

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z (build.py does this)
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\neurongui"
#endif

[Setup]
; The AppId identifies the product for upgrades and uninstalling: never change it.
AppId={{BA3F4681-3339-4733-95A4-70A60DE61BBB}
AppName=NeuronGUI
AppVersion={#AppVersion}
AppVerName=NeuronGUI {#AppVersion}
AppPublisher=The NeuronGUI team
AppPublisherURL=https://github.com/neurongui/neurongui
AppSupportURL=https://github.com/neurongui/neurongui/issues
DefaultDirName={autopf}\NeuronGUI
DefaultGroupName=NeuronGUI
DisableProgramGroupPage=yes
; Students on school computers often lack admin rights: install for the current user
; by default, with the choice of all users in a dialog.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
LicenseFile=..\..\LICENSE
OutputDir=..\..\dist
OutputBaseFilename=neurongui-{#AppVersion}-windows-setup
SetupIconFile=..\..\resources\icons\neurongui.ico
UninstallDisplayIcon={app}\neurongui.exe
UninstallDisplayName=NeuronGUI {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
; Network files (*.neuron) open with NeuronGUI: Explorer is told to refresh its icons.
ChangesAssociations=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Registry]
; The network file type, per user or for all users (HKA follows the install mode), as in
; Inno Setup's documentation; removed again by the uninstaller.
Root: HKA; Subkey: "Software\Classes\.neuron\OpenWithProgids"; ValueType: string; ValueName: "NeuronGUI.Network"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\NeuronGUI.Network"; ValueType: string; ValueName: ""; ValueData: "NeuronGUI network"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\NeuronGUI.Network\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\neurongui.exe,0"
Root: HKA; Subkey: "Software\Classes\NeuronGUI.Network\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\neurongui.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\neurongui.exe\SupportedTypes"; ValueType: string; ValueName: ".neuron"; ValueData: ""

[Icons]
Name: "{autoprograms}\NeuronGUI"; Filename: "{app}\neurongui.exe"; Comment: "See and edit every weight of a neural network while it learns"
Name: "{autodesktop}\NeuronGUI"; Filename: "{app}\neurongui.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\neurongui.exe"; Description: "{cm:LaunchProgram,NeuronGUI}"; Flags: nowait postinstall skipifsilent
