// Package safetext makes text from inputs safe to show on a terminal:
// control characters (C0 and C1, escape among them), bidirectional
// overrides and isolates, zero-width and other invisible format characters
// are written out as visible marks, "<U+001B>", so that a workbook or
// scenario file cannot move the cursor, set the window title, write to the
// clipboard (OSC 52), reorder a line or hide a character from the reader.
// Text is escaped where it is shown, never where it is stored: the numbers
// and the exported data keep the text as read.
package safetext

import (
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// hostile reports whether r must not reach a terminal raw: a control
// character (Cc) or an invisible format character (Cf: bidi marks,
// overrides and isolates, zero-width space and joiners, the byte order
// mark, soft hyphen), or a line or paragraph separator.
func hostile(r rune) bool {
	return unicode.Is(unicode.Cc, r) || unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029'
}

// mark is the visible form of r: "<U+200B>".
func mark(r rune) string { return fmt.Sprintf("<U+%04X>", r) }

// Line returns s for one line of a screen or message: every hostile
// character, line breaks and tabs included, made visible, and bytes that
// are not UTF-8 written as "<0xFF>".
func Line(s string) string { return escape(s, false) }

// Text is Line for text that may run over several lines: line feeds and
// tabs are kept, everything else hostile is made visible.
func Text(s string) string { return escape(s, true) }

// Needs reports whether Line would change s.
func Needs(s string) bool {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(s[i:]); n == 1 {
				return true
			}
		}
		if hostile(r) {
			return true
		}
	}
	return false
}

func escape(s string, keepLines bool) string {
	if !Needs(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, "<0x%02X>", s[i])
		case keepLines && (r == '\n' || r == '\t'):
			b.WriteRune(r)
		case hostile(r):
			b.WriteString(mark(r))
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// Writer escapes what is written through it with Text, for a stream of
// messages (standard error). A character split across two writes is held
// until it is whole.
type Writer struct {
	w       io.Writer
	pending []byte
}

// NewWriter returns a Writer that writes to w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: w} }

// Unwrap returns the writer underneath, for output that is the program's
// own and needs the terminal as it is (a progress bar's carriage return).
func (sw *Writer) Unwrap() io.Writer { return sw.w }

// Write escapes p and writes it; it reports all of p written when the
// escaped text was.
func (sw *Writer) Write(p []byte) (int, error) {
	buf := append(sw.pending, p...)
	// Hold back an incomplete character at the end.
	cut := len(buf)
	for k := 1; k <= utf8.UTFMax && k <= len(buf); k++ {
		if c := buf[len(buf)-k]; utf8.RuneStart(c) {
			if !utf8.FullRune(buf[len(buf)-k:]) {
				cut = len(buf) - k
			}
			break
		}
	}
	sw.pending = append(sw.pending[:0:0], buf[cut:]...)
	if _, err := io.WriteString(sw.w, Text(string(buf[:cut]))); err != nil {
		return 0, err
	}
	return len(p), nil
}
