package safetext

import (
	"bytes"
	"testing"
)

func TestLine(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Leeds Teaching Hospitals", "Leeds Teaching Hospitals"},
		{"£1,234.5 – 2019-20 ≥ 80%", "£1,234.5 – 2019-20 ≥ 80%"},
		{"a\x1b]52;c;SGVsbG8=\x07b", "a<U+001B>]52;c;SGVsbG8=<U+0007>b"}, // OSC 52 clipboard write
		{"\x1b[31mred\x1b[0m", "<U+001B>[31mred<U+001B>[0m"},
		{"Z54\u200b", "Z54<U+200B>"},
		{"\ufeffcode", "<U+FEFF>code"},
		{"abc\u202edcba", "abc<U+202E>dcba"}, // right-to-left override
		{"x\u2066y\u2069", "x<U+2066>y<U+2069>"},
		{"c1\u009bz", "c1<U+009B>z"},
		{"two\nlines\tand tab", "two<U+000A>lines<U+0009>and tab"},
		{"bad \xff byte", "bad <0xFF> byte"},
	} {
		if got := Line(c.in); got != c.want {
			t.Errorf("Line(%q) = %q, want %q", c.in, got, c.want)
		}
		if Needs(c.in) != (c.in != c.want) {
			t.Errorf("Needs(%q) = %v", c.in, Needs(c.in))
		}
	}
	if got := Text("a\nb\tc\rd"); got != "a\nb\tc<U+000D>d" {
		t.Errorf("Text kept the wrong characters: %q", got)
	}
}

// TestWriterSplitsCharacters writes hostile text a byte at a time: the
// output is the same as in one write, characters split across writes
// included.
func TestWriterSplitsCharacters(t *testing.T) {
	in := "scenario \u202eevil\u202c name \x1b[2J and £ ok\n"
	var whole, bytewise bytes.Buffer
	if _, err := NewWriter(&whole).Write([]byte(in)); err != nil {
		t.Fatal(err)
	}
	w := NewWriter(&bytewise)
	for i := 0; i < len(in); i++ {
		if _, err := w.Write([]byte{in[i]}); err != nil {
			t.Fatal(err)
		}
	}
	want := "scenario <U+202E>evil<U+202C> name <U+001B>[2J and £ ok\n"
	if whole.String() != want || bytewise.String() != want {
		t.Errorf("whole %q, byte by byte %q; want %q", whole.String(), bytewise.String(), want)
	}
}

func FuzzLine(f *testing.F) {
	for _, s := range []string{"", "plain", "\x1b[0m", "\u202e", "\xff\xfe", "a\u200bb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Line(s)
		if Needs(out) {
			t.Errorf("Line(%q) = %q still holds hostile text", s, out)
		}
	})
}
