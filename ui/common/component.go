package common

import (
	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
)

// Component is one screen or widget. Components are pointers updated in
// place, so Update returns the receiver.
type Component interface {
	tea.Model
	help.KeyMap
	// SetSize gives the component the area it may draw in.
	SetSize(width, height int)
	// Capturing reports whether a text field has the focus, so that every
	// key but ctrl+c must reach the component (q, tab and digits are text).
	Capturing() bool
	// Nested reports whether the component shows a sub-view (a detail, an
	// edit, a question) that esc closes; otherwise esc leaves the screen.
	Nested() bool
}
