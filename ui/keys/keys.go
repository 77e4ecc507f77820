// Package keys defines the key bindings every screen shares and a way to
// combine them with a screen's own bindings for bubbles/help.
package keys

import (
	"strconv"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
)

// Global are the bindings that work on every screen unless a text field has
// the focus.
type Global struct {
	Quit    key.Binding
	Help    key.Binding
	Next    key.Binding
	Prev    key.Binding
	Back    key.Binding
	Screens key.Binding // the number keys, one per screen
	// Undo and Redo step through the current scenario's changes. They are
	// the keys of the screens that change scenarios (Overview, Scenario,
	// Frontier), which list them in their help, so that an undo is always
	// seen with the message that says what it undid.
	Undo, Redo key.Binding
	// Open reads the inputs from another workbook or CSV directory.
	Open key.Binding
}

// New returns the global bindings for a program with the given number of screens.
func New(screens int) Global {
	nums := make([]string, screens)
	for i := range nums {
		nums[i] = strconv.Itoa(i + 1)
	}
	label := "1"
	if screens > 1 {
		label = "1-" + nums[len(nums)-1]
	}
	return Global{
		Quit:    key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
		Help:    key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Next:    key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next screen")),
		Prev:    key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "prev screen")),
		Back:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Screens: key.NewBinding(key.WithKeys(nums...), key.WithHelp(label, "screens")),
		Undo:    key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "undo")),
		Redo:    key.NewBinding(key.WithKeys("ctrl+r"), key.WithHelp("ctrl+r", "redo")),
		Open:    key.NewBinding(key.WithKeys("O"), key.WithHelp("O", "open workbook")),
	}
}

// ForceQuit is ctrl+c alone: it quits even while a text field has the focus.
func ForceQuit() key.Binding {
	return key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit"))
}

// Merged shows a screen's bindings first and the global ones after them.
type Merged struct {
	Screen help.KeyMap
	Global Global
	// Typing hides the global bindings while a text field has the focus,
	// because they would be typed into the field instead.
	Typing bool
}

// ShortHelp implements help.KeyMap.
func (m Merged) ShortHelp() []key.Binding {
	out := append([]key.Binding(nil), m.Screen.ShortHelp()...)
	if m.Typing {
		return out
	}
	return append(out, m.Global.Help, m.Global.Quit)
}

// FullHelp implements help.KeyMap.
func (m Merged) FullHelp() [][]key.Binding {
	out := append([][]key.Binding(nil), m.Screen.FullHelp()...)
	if m.Typing {
		return out
	}
	g := m.Global
	return append(out, []key.Binding{g.Screens, g.Next, g.Prev, g.Back, g.Open, g.Help, g.Quit})
}
