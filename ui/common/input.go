package common

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// Input is the one text field of every prompt — a value, a confidence, a
// path, a name, a filter — and behaves as a spreadsheet cell does (DESIGN
// §8): the text it offers is shown selected, and the first key typed
// replaces it; backspace or delete clears it; a key that moves the cursor
// (←/→, home, end) keeps it for editing. Without this, a key typed into an
// offered "80" gives "8090".
type Input struct {
	textinput.Model
	// offered is set while the text is the one offered, neither typed over
	// nor moved into.
	offered bool
	// SelectedStyle draws the offered text.
	SelectedStyle lipgloss.Style
}

// NewInput returns an empty field with no prompt and a steady cursor.
func NewInput() Input {
	t := textinput.New()
	t.Prompt = ""
	t.Cursor.SetMode(cursor.CursorStatic)
	return Input{Model: t, SelectedStyle: lipgloss.NewStyle().Reverse(true)}
}

// Offer puts text in the field, the cursor after it, for the first key to
// replace.
func (in *Input) Offer(text string) {
	in.SetValue(text)
	in.CursorEnd()
	in.offered = true
}

// Select makes the text in the field the offered one again, so that the
// next key replaces it: after a value is refused, say.
func (in *Input) Select() { in.offered = true }

// Keep makes the text in the field the user's own, to edit rather than
// replace: a completion has been added to what they typed.
func (in *Input) Keep() { in.offered = false }

// Offered reports whether the next key typed replaces the text.
func (in Input) Offered() bool { return in.offered && in.Value() != "" }

// Update applies the spreadsheet rule to the first key after the text is
// offered, then edits the text as a textinput does.
func (in Input) Update(msg tea.Msg) (Input, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok && in.Focused() && in.offered {
		in.offered = false
		switch k.Type {
		case tea.KeyRunes, tea.KeySpace, tea.KeyCtrlV:
			in.SetValue("")
		case tea.KeyBackspace, tea.KeyDelete:
			in.SetValue("")
			return in, nil
		}
	}
	var cmd tea.Cmd
	in.Model, cmd = in.Model.Update(msg)
	return in, cmd
}

// View draws the field: while the text is offered, selected, with the
// room the textinput would give it, so the line does not move when the
// first key is typed.
func (in Input) View() string {
	if !in.Focused() || !in.Offered() {
		return in.Model.View()
	}
	v := in.Value()
	if in.Width > 0 {
		for lipgloss.Width(v) > in.Width { // the end of a long path is the part to see
			_, size := utf8.DecodeRuneInString(v)
			v = v[size:]
		}
	}
	pad := max(in.Width-lipgloss.Width(v), 0) + 1 // the cursor's cell
	return in.PromptStyle.Render(in.Prompt) + in.SelectedStyle.Render(v) + strings.Repeat(" ", pad)
}
