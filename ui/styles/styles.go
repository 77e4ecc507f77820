// Package styles holds every colour and text style of the TUI in one place, so
// that a palette change or a light/dark fix happens here and nowhere else.
//
// Colours are lipgloss.AdaptiveColor pairs, chosen for both light and dark
// terminal backgrounds. lipgloss drops colour by itself when NO_COLOR is set
// or the terminal has none; the screens therefore never rely on colour alone
// and mark selection with a glyph as well.
package styles

import "github.com/charmbracelet/lipgloss"

// Styles are the named styles the screens use.
type Styles struct {
	Title    lipgloss.Style // section titles
	Label    lipgloss.Style // field labels
	Value    lipgloss.Style // headline numbers
	Subtle   lipgloss.Style // units, ranges, captions
	Faint    lipgloss.Style // rules and placeholders
	Good     lipgloss.Style // improvements, success
	Bad      lipgloss.Style // deteriorations, errors
	Warn     lipgloss.Style // warnings and questions
	Selected lipgloss.Style // the row under the cursor
	Key      lipgloss.Style // inline key hints

	TabActive   lipgloss.Style
	TabInactive lipgloss.Style
	TabBar      lipgloss.Style

	StatusBar   lipgloss.Style
	StatusName  lipgloss.Style
	StatusRun   lipgloss.Style
	StatusError lipgloss.Style

	TableHeader   lipgloss.Style
	TableCell     lipgloss.Style
	TableSelected lipgloss.Style

	// Chart styles: the fan chart's median, band and target marker; spend
	// bars national and local; histogram bars; in-table bars.
	ChartMedian   lipgloss.Style
	ChartBand     lipgloss.Style
	ChartTarget   lipgloss.Style
	ChartAxis     lipgloss.Style
	ChartNational lipgloss.Style
	ChartLocal    lipgloss.Style
	ChartHist     lipgloss.Style
	Bar           lipgloss.Style
	// The tornado's part with the input at its P10 and at its P90.
	TornadoLow  lipgloss.Style
	TornadoHigh lipgloss.Style
}

// New returns the corecast styles.
func New() *Styles {
	// The palette: each colour is readable on light and dark backgrounds.
	accent := lipgloss.AdaptiveColor{Light: "#1F5FAD", Dark: "#7AB8FF"}
	accent2 := lipgloss.AdaptiveColor{Light: "#7A3E9D", Dark: "#D0A2F7"}
	subtle := lipgloss.AdaptiveColor{Light: "#6B6B6B", Dark: "#9A9A9A"}
	faint := lipgloss.AdaptiveColor{Light: "#A0A0A0", Dark: "#5C5C5C"}
	good := lipgloss.AdaptiveColor{Light: "#17803D", Dark: "#6BD68F"}
	bad := lipgloss.AdaptiveColor{Light: "#B3261E", Dark: "#FF8A80"}
	warn := lipgloss.AdaptiveColor{Light: "#A15C00", Dark: "#FFC266"}
	barFg := lipgloss.AdaptiveColor{Light: "#FFFFFF", Dark: "#111111"}
	barBg := lipgloss.AdaptiveColor{Light: "#E4E8EE", Dark: "#24282F"}
	selectBg := lipgloss.AdaptiveColor{Light: "#DCE8F7", Dark: "#2A3B52"}

	s := lipgloss.NewStyle
	return &Styles{
		Title:    s().Bold(true).Foreground(accent),
		Label:    s().Foreground(subtle),
		Value:    s().Bold(true),
		Subtle:   s().Foreground(subtle),
		Faint:    s().Foreground(faint),
		Good:     s().Foreground(good),
		Bad:      s().Foreground(bad),
		Warn:     s().Foreground(warn).Bold(true),
		Selected: s().Background(selectBg).Bold(true),
		Key:      s().Foreground(accent2).Bold(true),

		TabActive:   s().Bold(true).Foreground(barFg).Background(accent).Padding(0, 1),
		TabInactive: s().Foreground(subtle).Padding(0, 1),
		TabBar:      s(),

		StatusBar:   s().Foreground(subtle).Background(barBg),
		StatusName:  s().Bold(true).Foreground(barFg).Background(accent2).Padding(0, 1),
		StatusRun:   s().Foreground(warn).Background(barBg),
		StatusError: s().Foreground(bad).Background(barBg).Bold(true),

		TableHeader:   s().Bold(true).Foreground(accent),
		TableCell:     s(),
		TableSelected: s().Background(selectBg).Bold(true),

		ChartMedian:   s().Foreground(accent),
		ChartBand:     s().Foreground(faint),
		ChartTarget:   s().Foreground(warn),
		ChartAxis:     s().Foreground(subtle),
		ChartNational: s().Foreground(accent),
		ChartLocal:    s().Foreground(accent2),
		ChartHist:     s().Foreground(accent),
		Bar:           s().Foreground(accent),
		TornadoLow:    s().Foreground(accent2),
		TornadoHigh:   s().Foreground(accent),
	}
}
