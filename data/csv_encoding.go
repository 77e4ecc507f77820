package data

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// windows1252 maps the bytes 0x80–0x9F of Windows-1252 to their
// characters; 0 marks the five it leaves undefined. The bytes from 0xA0 up
// are the Latin-1 characters of the same number.
var windows1252 = [32]rune{
	'€', 0, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0, 'Ž', 0,
	0, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0, 'ž', 'Ÿ',
}

// decodeCSVText turns a CSV file's bytes into UTF-8. UTF-8 is read as it is
// (after any byte-order mark). Text in UTF-16 with a byte-order mark (Excel's
// "Unicode Text") is converted, as is text that is not UTF-8 but is
// Windows-1252, which Excel's "CSV (Comma delimited)" writes on a UK
// machine (a pound sign is the byte 0xA3); either is noted, naming the
// characters it made a difference to. Anything else is refused.
func decodeCSVText(file string, b []byte, notes *noteList) ([]byte, error) {
	switch {
	case bytes.HasPrefix(b, []byte("\xEF\xBB\xBF")):
		b = b[3:]
	case bytes.HasPrefix(b, []byte("\xFF\xFE")), bytes.HasPrefix(b, []byte("\xFE\xFF")):
		out, ok := decodeUTF16(b)
		if !ok {
			return nil, refuse(file, "starts as UTF-16 text but is not; save it as \"CSV UTF-8 (comma delimited)\"")
		}
		notes.add(Note{File: file, Text: "is UTF-16 text (Excel's \"Unicode Text\"); it was read as such"})
		return out, nil
	}
	if utf8.Valid(b) {
		return b, nil
	}
	var out bytes.Buffer
	out.Grow(len(b) + len(b)/8)
	var shown []string
	for i, c := range b {
		r := rune(c)
		switch {
		case c < 0x80:
		case c < 0xA0:
			r = windows1252[c-0x80]
			if r == 0 {
				line := bytes.Count(b[:i], []byte("\n")) + 1
				return nil, refuse(file, "is neither UTF-8 nor Windows-1252 text (line %d holds the byte 0x%02X); save it as \"CSV UTF-8 (comma delimited)\"", line, c)
			}
		}
		if c >= 0x80 && len(shown) < 3 && !containsString(shown, string(r)) {
			shown = append(shown, string(r))
		}
		out.WriteRune(r)
	}
	notes.add(Note{File: file, Text: fmt.Sprintf("is not UTF-8; it was read as Windows-1252, as Excel's \"CSV (Comma delimited)\" writes it (so the characters %s)", strings.Join(shown, " "))})
	return out.Bytes(), nil
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// decodeUTF16 converts UTF-16 text with a byte-order mark to UTF-8.
func decodeUTF16(b []byte) ([]byte, bool) {
	if len(b)%2 != 0 {
		return nil, false
	}
	big := b[0] == 0xFE
	u := make([]uint16, 0, len(b)/2-1)
	for i := 2; i+1 < len(b); i += 2 {
		if big {
			u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
		} else {
			u = append(u, uint16(b[i+1])<<8|uint16(b[i]))
		}
	}
	var out bytes.Buffer
	for _, r := range utf16.Decode(u) {
		if r == utf8.RuneError {
			return nil, false
		}
		out.WriteRune(r)
	}
	return out.Bytes(), true
}
