// Package termquery keeps corecast from asking the terminal for its
// background colour until the interactive program is about to start.
//
// bubbletea v1 asks when its package is initialised (a workaround in its
// tea_init.go): it writes an OSC 11 query to stdout and waits for the answer,
// up to five seconds when the terminal does not answer (as in `script`, some
// multiplexers and CI pseudo-terminals). Every command would pay that, even
// corecast run, version and validate, which draw nothing in colour but a
// progress bar that does not need the background. This package is
// initialised before bubbletea — Go initialises packages in import-path
// order once their imports are (a corecast path sorts before a github.com
// one, and this package imports lipgloss, not bubbletea) — and tells
// lipgloss's default renderer the background it assumes when there is no
// terminal to ask, so bubbletea's init has nothing to ask. Probe asks the
// terminal for real; the interactive program calls it just before it takes
// the terminal over, as bubbletea's workaround intends.
package termquery

import "github.com/charmbracelet/lipgloss"

// assumedDark is what lipgloss assumes when the terminal cannot be asked:
// a dark background, as termenv reports for an output that is not a terminal.
const assumedDark = true

func init() {
	lipgloss.SetHasDarkBackground(assumedDark)
}

// Probe asks the terminal on stdout whether its background is dark and
// sets lipgloss's default renderer to the answer, so that adaptive colours
// suit a light or dark terminal. Call it before the program takes over the
// terminal, whose input loop would otherwise swallow the answer. When stdout
// is not a terminal it asks nothing and keeps the dark default.
func Probe() {
	r := lipgloss.DefaultRenderer()
	r.SetHasDarkBackground(r.Output().HasDarkBackground())
}
