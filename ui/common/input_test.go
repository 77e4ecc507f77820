package common

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// typeKeys sends each key to in: single characters as runes, and "left",
// "backspace", "delete" and "end" as keys.
func typeKeys(in Input, ks ...string) Input {
	named := map[string]tea.KeyType{"left": tea.KeyLeft, "backspace": tea.KeyBackspace, "delete": tea.KeyDelete, "end": tea.KeyEnd}
	for _, k := range ks {
		msg := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
		if t, ok := named[k]; ok {
			msg = tea.KeyMsg{Type: t}
		}
		in, _ = in.Update(msg)
	}
	return in
}

// The first key typed replaces the offered text; backspace and delete
// clear it; a cursor key keeps it for editing; after that, keys edit.
func TestInputFirstKeyReplaces(t *testing.T) {
	cases := []struct {
		name string
		keys []string
		want string
	}{
		{"typed", []string{"9", "0"}, "90"},
		{"typed at once", []string{"90"}, "90"},
		{"space", []string{" "}, " "},
		{"backspace", []string{"backspace"}, ""},
		{"delete then typed", []string{"delete", "7"}, "7"},
		{"cursor key keeps it", []string{"left", "5"}, "850"},
		{"end keeps it", []string{"end", "5"}, "805"},
		{"then backspace edits", []string{"left", "backspace"}, "0"},
	}
	for _, c := range cases {
		in := NewInput()
		in.Offer("80")
		in.Focus()
		if got := typeKeys(in, c.keys...).Value(); got != c.want {
			t.Errorf("%s: %v over 80 gives %q, want %q", c.name, c.keys, got, c.want)
		}
	}
}

// Select offers the text again; a field without the focus takes no keys.
func TestInputSelectAndBlur(t *testing.T) {
	in := NewInput()
	in.Offer("wide.toml")
	in.Focus()
	in = typeKeys(in, "end", "x")
	if in.Value() != "wide.tomlx" || in.Offered() {
		t.Fatalf("after end and x: %q (offered %v)", in.Value(), in.Offered())
	}
	in.Select()
	if in = typeKeys(in, "a"); in.Value() != "a" {
		t.Errorf("after Select, a gives %q", in.Value())
	}
	in.Offer("north")
	in.Blur()
	if in = typeKeys(in, "x"); in.Value() != "north" {
		t.Errorf("a field without the focus took a key: %q", in.Value())
	}
}

// The offered text takes the room the edited text will, so the line does
// not move when the first key is typed.
func TestInputViewKeepsItsWidth(t *testing.T) {
	in := NewInput()
	in.Width = 10
	in.Offer("80")
	in.Focus()
	offered := in.View()
	in.Select()
	in = typeKeys(in, "left", "end") // the same text, no longer offered
	if offered != in.View() {
		t.Errorf("offered %q, edited %q: want the same cells", offered, in.View())
	}
	in.Offer("scenarios/a-long-name.toml")
	if v := in.View(); v != "-name.toml " {
		t.Errorf("a long offered path shows %q, want its end", v)
	}
}
