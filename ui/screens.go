package ui

// Screen names one screen of the program. The order here is the order of the
// tabs and of the number keys; a new screen is added by a constant before
// numScreens, a title in String and a constructor in newScreens.
type Screen int

// The screens.
const (
	OverviewScreen Screen = iota
	ScenarioScreen
	TrustsScreen
	RegionsScreen
	SensitivityScreen
	FrontierScreen
	ExportScreen
	numScreens
)

// String returns the screen's tab title.
func (s Screen) String() string {
	switch s {
	case OverviewScreen:
		return "Overview"
	case ScenarioScreen:
		return "Scenario"
	case TrustsScreen:
		return "Trusts"
	case RegionsScreen:
		return "Regions"
	case SensitivityScreen:
		return "Sensitivity"
	case FrontierScreen:
		return "Frontier"
	case ExportScreen:
		return "Export"
	}
	return "?"
}
