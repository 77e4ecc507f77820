package data

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// xmlScanner reads the XML of a workbook part as a stream of start
// elements, end elements and character data: the tokens encoding/xml's
// Decoder.RawToken gives with Strict off, and an error wherever it gives
// one, but several times faster. A workbook's sheets are thousands of
// small elements, and RawToken boxes every token in an interface, builds a
// Name and an attribute slice for each and reads the input a byte at a time
// through an interface call; loading the sample workbook spent more time
// there than in everything else it does. The scanner instead reuses one
// token and its buffers, copies runs of ordinary text at once, and leaves
// comments, processing instructions and directives out of the stream (after
// checking them as RawToken does). A differential fuzz test holds it to
// RawToken.
type xmlScanner struct {
	r io.Reader
	// buf[pos:end] is input not yet read. buf[0] keeps the byte read last,
	// so that ungetc can step back over a refill.
	buf      []byte
	pos, end int
	err      error // sticky: io.EOF at the end, a reader error, or an *xmlSyntaxError
	rerr     error // the reader's error, returned once the bytes read with it are used

	tok       xmlToken
	attrs     []xmlAttr // the current token's attributes
	arena     []byte    // the current token's names and attribute values
	text      []byte    // the current token's character data
	needClose bool      // the last start element closed itself: its end comes next
	closeName []byte
	// maxToken, when not 0, bounds the bytes of one token: a run of
	// character data, or a tag's names and attribute values together, or
	// a processing instruction. The scanner stops with an *xmlTooLong
	// before holding more, so a part cannot make it hold what it likes.
	maxToken int
}

// maxAttrs bounds the attributes of one start tag when maxToken is set; no
// element of a workbook has more than a few dozen.
const maxAttrs = 1024

// xmlTooLong is a token longer than the scanner's maxToken.
type xmlTooLong struct {
	text bool // a run of character data (not a tag)
}

func (e *xmlTooLong) Error() string {
	if e.text {
		return "a run of text longer than corecast reads"
	}
	return "a tag longer than corecast reads"
}

// tooLong reports whether n bytes pass the scanner's bound, and if so stops
// the scanner with an *xmlTooLong.
func (s *xmlScanner) tooLong(n int, text bool) bool {
	if s.maxToken > 0 && n > s.maxToken {
		s.err = &xmlTooLong{text: text}
		return true
	}
	return false
}

// xmlKind says what an xmlToken is.
type xmlKind uint8

const (
	xmlStart xmlKind = iota + 1
	xmlEnd
	xmlText
)

// xmlToken is one token. Its slices are valid until the next call of next.
type xmlToken struct {
	kind  xmlKind
	name  []byte // a start or end element's local name (without any prefix)
	attrs []xmlAttr
	text  []byte // character data, entities and line ends decoded
}

// xmlAttr is one attribute of a start element.
type xmlAttr struct {
	name  []byte // local name
	value []byte // entities and line ends decoded
}

// attr returns the value of the start element's attribute with the given
// local name (the first, if several share it).
func (t *xmlToken) attr(local string) (string, bool) {
	for _, a := range t.attrs {
		if string(a.name) == local {
			return string(a.value), true
		}
	}
	return "", false
}

// attrBytes is attr without making the value a string: valid until the next
// token.
func (t *xmlToken) attrBytes(local string) ([]byte, bool) {
	for _, a := range t.attrs {
		if string(a.name) == local {
			return a.value, true
		}
	}
	return nil, false
}

// attrOr returns the attribute's value, or def when the element has none.
func (t *xmlToken) attrOr(local, def string) string {
	if v, ok := t.attr(local); ok {
		return v
	}
	return def
}

// xmlSyntaxError is a part that is not well-formed enough to read.
type xmlSyntaxError struct{ msg string }

func (e *xmlSyntaxError) Error() string { return "XML syntax error: " + e.msg }

// xmlScanBuffer is the size of the scanner's input window.
const xmlScanBuffer = 16 << 10

func newXMLScanner(r io.Reader) *xmlScanner {
	return &xmlScanner{r: r, buf: make([]byte, 1+xmlScanBuffer), pos: 1, end: 1}
}

// fill reads more input into the window, keeping the last byte read.
func (s *xmlScanner) fill() bool {
	if s.err != nil {
		return false
	}
	for range 100 {
		if s.rerr != nil {
			s.err = s.rerr
			return false
		}
		s.buf[0] = s.buf[s.end-1]
		n, err := s.r.Read(s.buf[1:])
		s.pos, s.end, s.rerr = 1, 1+n, err
		if n > 0 {
			return true
		}
	}
	s.err = io.ErrNoProgress
	return false
}

// getc reads one byte; at the end of the input or on an error it returns
// false, the reason left in s.err.
func (s *xmlScanner) getc() (byte, bool) {
	if s.pos >= s.end && !s.fill() {
		return 0, false
	}
	b := s.buf[s.pos]
	s.pos++
	return b, true
}

// ungetc steps back over the byte getc returned last.
func (s *xmlScanner) ungetc() { s.pos-- }

// mustgetc is getc where the input may not end: its end is a syntax error.
func (s *xmlScanner) mustgetc() (byte, bool) {
	b, ok := s.getc()
	if !ok && s.err == io.EOF {
		s.err = &xmlSyntaxError{"unexpected EOF"}
	}
	return b, ok
}

func (s *xmlScanner) syntax(msg string) error {
	s.err = &xmlSyntaxError{msg}
	return s.err
}

// space skips white space.
func (s *xmlScanner) space() {
	for {
		b, ok := s.getc()
		if !ok {
			return
		}
		if b != ' ' && b != '\r' && b != '\n' && b != '\t' {
			s.ungetc()
			return
		}
	}
}

// next returns the next token: io.EOF at the end of the input, or the
// first error met.
func (s *xmlScanner) next() (*xmlToken, error) {
	for {
		if s.err != nil {
			return nil, s.err
		}
		if s.needClose {
			s.needClose = false
			s.tok = xmlToken{kind: xmlEnd, name: s.closeName}
			return &s.tok, nil
		}
		b, ok := s.getc()
		if !ok {
			return nil, s.err
		}
		if b != '<' {
			s.ungetc()
			t, err := s.readText(s.text[:0], -1, false)
			if err != nil {
				return nil, err
			}
			s.text = t
			s.tok = xmlToken{kind: xmlText, text: t}
			return &s.tok, nil
		}
		if b, ok = s.mustgetc(); !ok {
			return nil, s.err
		}
		s.arena = s.arena[:0]
		switch b {
		case '/':
			name, ok := s.nsname()
			if !ok {
				if s.err == nil {
					s.syntax("expected element name after </")
				}
				return nil, s.err
			}
			s.space()
			if b, ok = s.mustgetc(); !ok {
				return nil, s.err
			}
			if b != '>' {
				return nil, s.syntax("invalid characters between </" + string(name) + " and >")
			}
			s.tok = xmlToken{kind: xmlEnd, name: name}
			return &s.tok, nil
		case '?':
			if err := s.skipProcInst(); err != nil {
				return nil, err
			}
		case '!':
			cdata, err := s.bang()
			if err != nil {
				return nil, err
			}
			if cdata {
				s.tok = xmlToken{kind: xmlText, text: s.text}
				return &s.tok, nil
			}
		default:
			s.ungetc()
			return s.startElement()
		}
	}
}

// startElement reads an element's name and attributes, after its "<".
func (s *xmlScanner) startElement() (*xmlToken, error) {
	name, ok := s.nsname()
	if !ok {
		if s.err == nil {
			s.syntax("expected element name after <")
		}
		return nil, s.err
	}
	s.attrs = s.attrs[:0]
	s.tok = xmlToken{kind: xmlStart, name: name}
	for {
		s.space()
		b, ok := s.mustgetc()
		if !ok {
			return nil, s.err
		}
		if b == '/' {
			if b, ok = s.mustgetc(); !ok {
				return nil, s.err
			}
			if b != '>' {
				return nil, s.syntax("expected /> in element")
			}
			s.needClose = true
			s.closeName = append(s.closeName[:0], name...)
			s.tok.attrs = s.attrs
			return &s.tok, nil
		}
		if b == '>' {
			s.tok.attrs = s.attrs
			return &s.tok, nil
		}
		s.ungetc()
		an, ok := s.nsname()
		if !ok {
			if s.err == nil {
				s.syntax("expected attribute name in element")
			}
			return nil, s.err
		}
		s.space()
		if b, ok = s.mustgetc(); !ok {
			return nil, s.err
		}
		a := xmlAttr{name: an}
		if b != '=' {
			// Without Strict, an attribute without a value has its name as value.
			s.ungetc()
			a.value = an
		} else {
			s.space()
			v, err := s.attrValue()
			if err != nil {
				return nil, err
			}
			a.value = v
		}
		s.attrs = append(s.attrs, a)
		if s.maxToken > 0 && len(s.attrs) > maxAttrs {
			s.err = &xmlTooLong{}
			return nil, s.err
		}
	}
}

// attrValue reads an attribute's value: quoted, or without Strict, a run of
// letters, digits, '_', ':' and '-'.
func (s *xmlScanner) attrValue() ([]byte, error) {
	b, ok := s.mustgetc()
	if !ok {
		return nil, s.err
	}
	start := len(s.arena)
	if b == '"' || b == '\'' {
		a, err := s.readText(s.arena, int(b), false)
		if err != nil {
			return nil, err
		}
		s.arena = a
		return a[start:], nil
	}
	s.ungetc()
	for {
		b, ok = s.mustgetc()
		if !ok {
			return nil, s.err
		}
		if 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' || b == '_' || b == ':' || b == '-' {
			s.arena = append(s.arena, b)
			if s.tooLong(len(s.arena), false) {
				return nil, s.err
			}
			continue
		}
		s.ungetc()
		return s.arena[start:], nil
	}
}

// xmlEntity are the entities XML defines without a declaration.
var xmlEntity = map[string]string{"lt": "<", "gt": ">", "amp": "&", "apos": "'", "quot": "\""}

// readText appends character data to dst: up to a "<" (which is left to be
// read) or the end of the input; with quote, up to the closing quote (a "<"
// is an error); in a CDATA section, up to "]]>". Entities are decoded
// (without Strict, one that is not known stays as written) and line ends
// become "\n". The text must then be valid UTF-8 of XML characters.
func (s *xmlScanner) readText(dst []byte, quote int, cdata bool) ([]byte, error) {
	start := len(dst)
	var b0, b1 byte
	trunc := 0
loop:
	for {
		if s.tooLong(len(dst), quote < 0) {
			return nil, s.err
		}
		// Copy a run of ordinary bytes at once. A byte after ']' or '\r'
		// goes the slow way, which looks back at it.
		if b1 != ']' && b1 != '\r' && s.pos < s.end {
			w := s.buf[s.pos:s.end]
			n := 0
			for n < len(w) && plainTextByte(w[n], quote, cdata) {
				n++
			}
			if n > 0 {
				dst = append(dst, w[:n]...)
				s.pos += n
				if n >= 2 {
					b0, b1 = w[n-2], w[n-1]
				} else {
					b0, b1 = b1, w[0]
				}
				continue
			}
		}
		b, ok := s.getc()
		if !ok {
			if cdata {
				if s.err == io.EOF {
					s.err = &xmlSyntaxError{"unexpected EOF in CDATA section"}
				}
				return nil, s.err
			}
			break loop
		}
		if quote < 0 && b0 == ']' && b1 == ']' && b == '>' {
			if cdata {
				trunc = 2
				break loop
			}
			return nil, s.syntax("unescaped ]]> not in CDATA section")
		}
		if b == '<' && !cdata {
			if quote >= 0 {
				return nil, s.syntax("unescaped < inside quoted string")
			}
			s.ungetc()
			break loop
		}
		if quote >= 0 && b == byte(quote) {
			break loop
		}
		if b == '&' && !cdata {
			var err error
			if dst, err = s.entity(dst); err != nil {
				return nil, err
			}
			b0, b1 = 0, 0
			continue
		}
		switch {
		case b == '\r':
			dst = append(dst, '\n')
		case b1 == '\r' && b == '\n':
			// "\r\n": the "\n" is written already.
		default:
			dst = append(dst, b)
		}
		b0, b1 = b1, b
	}
	dst = dst[:len(dst)-trunc]
	if err := checkXMLChars(dst[start:]); err != nil {
		return nil, s.syntax(err.Error())
	}
	return dst, nil
}

// plainTextByte reports whether b is copied as it is, with nothing to look
// at: not a markup, entity, quote or line-end byte. Bytes that may not be
// valid characters are copied too; the text is checked as a whole.
func plainTextByte(b byte, quote int, cdata bool) bool {
	switch b {
	case '<', '&':
		return cdata
	case ']', '\r':
		return false
	}
	return quote < 0 || b != byte(quote)
}

// entity reads an entity after its "&", appending what it stands for to dst,
// or, when it is not one that can be decoded, the text as written.
func (s *xmlScanner) entity(dst []byte) ([]byte, error) {
	before := len(dst)
	dst = append(dst, '&')
	b, ok := s.mustgetc()
	if !ok {
		return nil, s.err
	}
	if b == '#' {
		dst = append(dst, b)
		if b, ok = s.mustgetc(); !ok {
			return nil, s.err
		}
		base := 10
		if b == 'x' {
			base = 16
			dst = append(dst, b)
			if b, ok = s.mustgetc(); !ok {
				return nil, s.err
			}
		}
		digits := len(dst)
		for '0' <= b && b <= '9' || base == 16 && ('a' <= b && b <= 'f' || 'A' <= b && b <= 'F') {
			dst = append(dst, b)
			if s.tooLong(len(dst), true) {
				return nil, s.err
			}
			if b, ok = s.mustgetc(); !ok {
				return nil, s.err
			}
		}
		if b != ';' {
			s.ungetc()
			return dst, nil
		}
		n, err := strconv.ParseUint(string(dst[digits:]), base, 64)
		if err != nil || n > utf8.MaxRune {
			return append(dst, ';'), nil
		}
		return utf8.AppendRune(dst[:before], rune(n)), nil
	}
	s.ungetc()
	dst, ok = s.readName(dst)
	if !ok && s.err != nil {
		return nil, s.err
	}
	if b, ok = s.mustgetc(); !ok {
		return nil, s.err
	}
	if b != ';' {
		s.ungetc()
		return dst, nil
	}
	if r, known := xmlEntity[string(dst[before+1:])]; known {
		return append(dst[:before], r...), nil
	}
	return append(dst, ';'), nil
}

// checkXMLChars checks that text is UTF-8 of characters XML allows.
func checkXMLChars(text []byte) error {
	for i := 0; i < len(text); {
		c := text[i]
		if c >= 0x20 && c < utf8.RuneSelf || c == '\t' || c == '\n' || c == '\r' {
			i++
			continue
		}
		r, size := utf8.DecodeRune(text[i:])
		if r == utf8.RuneError && size == 1 {
			return errors.New("invalid UTF-8")
		}
		if !xmlChar(r) {
			return fmt.Errorf("illegal character code %U", r)
		}
		i += size
	}
	return nil
}

// xmlChar reports whether r is in XML's Char production.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// readName appends a name's bytes to dst: a run of ASCII name bytes and any
// bytes of multi-byte characters, which the caller checks. ok is false when
// there is none; s.err then says whether the input ended.
func (s *xmlScanner) readName(dst []byte) (out []byte, ok bool) {
	b, ok := s.mustgetc()
	if !ok {
		return dst, false
	}
	if b < utf8.RuneSelf && !xmlNameByte(b) {
		s.ungetc()
		return dst, false
	}
	dst = append(dst, b)
	for {
		if s.pos < s.end {
			// The common case: the rest of the name is in the window.
			w := s.buf[s.pos:s.end]
			n := 0
			for n < len(w) && (w[n] >= utf8.RuneSelf || xmlNameByte(w[n])) {
				n++
			}
			dst = append(dst, w[:n]...)
			s.pos += n
			if s.tooLong(len(dst), false) {
				return dst, false
			}
			if n < len(w) {
				return dst, true
			}
		}
		if b, ok = s.mustgetc(); !ok {
			return dst, false
		}
		if b < utf8.RuneSelf && !xmlNameByte(b) {
			s.ungetc()
			return dst, true
		}
		dst = append(dst, b)
	}
}

func xmlNameByte(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
		c == '_' || c == ':' || c == '.' || c == '-'
}

// nsname reads an element or attribute name into the arena and returns its
// local part: the name after its prefix, when it has one colon between two
// non-empty parts, otherwise the whole name. A name with two colons is not
// read (ok false, no error), as RawToken has it.
func (s *xmlScanner) nsname() (local []byte, ok bool) {
	start := len(s.arena)
	s.arena, ok = s.readName(s.arena)
	if !ok {
		return nil, false
	}
	name := s.arena[start:]
	if !validXMLName(name) {
		s.syntax("invalid XML name: " + string(name))
		return nil, false
	}
	colons := 0
	at := -1
	for i, c := range name {
		if c == ':' {
			colons++
			if at < 0 {
				at = i
			}
		}
	}
	switch {
	case colons > 1:
		return nil, false
	case colons == 1 && at > 0 && at < len(name)-1:
		return name[at+1:], true
	}
	return name, true
}

// validXMLName reports whether name is an XML name. ASCII names are checked
// here; a name with other characters is checked by encoding/xml itself,
// whose tables of name characters this does not copy (its colons, which it
// would read as prefixes, replaced by a letter, which is as valid).
func validXMLName(name []byte) bool {
	ascii := true
	for _, c := range name {
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		c := name[0]
		return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || c == '_' || c == ':'
	}
	probe := "<" + strings.ReplaceAll(string(name), ":", "a") + "/>"
	_, err := xml.NewDecoder(strings.NewReader(probe)).RawToken()
	return err == nil
}

// skipProcInst checks a processing instruction after its "<?", as RawToken
// does: a target name, then anything up to "?>"; an XML declaration may
// not name another version than 1.0 or an encoding other than UTF-8 (there
// is no charset reader).
func (s *xmlScanner) skipProcInst() error {
	start := len(s.arena)
	var ok bool
	if s.arena, ok = s.readName(s.arena); !ok {
		if s.err == nil {
			s.syntax("expected target name after <?")
		}
		return s.err
	}
	target := string(s.arena[start:])
	if !validXMLName(s.arena[start:]) {
		return s.syntax("invalid XML name: " + target)
	}
	s.space()
	body := len(s.arena)
	var b0 byte
	for {
		b, ok := s.mustgetc()
		if !ok {
			return s.err
		}
		s.arena = append(s.arena, b)
		if s.tooLong(len(s.arena), false) {
			return s.err
		}
		if b0 == '?' && b == '>' {
			break
		}
		b0 = b
	}
	if target != "xml" {
		return nil
	}
	content := string(s.arena[body : len(s.arena)-2])
	if v := procInstParam("version", content); v != "" && v != "1.0" {
		return s.syntax("unsupported version " + strconv.Quote(v) + "; only version 1.0 is supported")
	}
	if enc := procInstParam("encoding", content); enc != "" && !strings.EqualFold(enc, "utf-8") {
		return s.syntax("encoding " + strconv.Quote(enc) + " declared but Decoder.CharsetReader is nil")
	}
	return nil
}

// procInstParam finds param="value" (or 'value') in an XML declaration as
// encoding/xml does: at the first occurrence of param= followed by a quote.
func procInstParam(param, s string) string {
	key := param + "="
	for i := 0; i < len(s); {
		k := strings.Index(s[i:], key)
		if k < 0 || i+k+len(key) >= len(s) {
			return ""
		}
		q := s[i+k+len(key)]
		i += k + len(key) + 1
		if q == '\'' || q == '"' {
			j := strings.IndexByte(s[i:], q)
			if j < 0 {
				return ""
			}
			return s[i : i+j]
		}
	}
	return ""
}

// bang reads what follows "<!", as RawToken does: a comment or a directive
// such as <!DOCTYPE ...>, which are checked and skipped, or a CDATA
// section, whose text it leaves in s.text and reports with cdata true.
func (s *xmlScanner) bang() (cdata bool, err error) {
	b, ok := s.mustgetc()
	if !ok {
		return false, s.err
	}
	switch b {
	case '-':
		if b, ok = s.mustgetc(); !ok {
			return false, s.err
		}
		if b != '-' {
			return false, s.syntax("invalid sequence <!- not part of <!--")
		}
		var b0, b1 byte
		for {
			if b, ok = s.mustgetc(); !ok {
				return false, s.err
			}
			if b0 == '-' && b1 == '-' {
				if b != '>' {
					return false, s.syntax(`invalid sequence "--" not allowed in comments`)
				}
				return false, nil
			}
			b0, b1 = b1, b
		}
	case '[':
		for i := range 6 {
			if b, ok = s.mustgetc(); !ok {
				return false, s.err
			}
			if b != "CDATA["[i] {
				return false, s.syntax("invalid <![ sequence")
			}
		}
		t, err := s.readText(s.text[:0], -1, true)
		if err != nil {
			return false, err
		}
		s.text = t
		return true, nil
	}
	return false, s.skipDirective()
}

// skipDirective reads a directive to its closing ">", which does not count
// inside quotes or nested comments, and nested "<...>" pairs balance.
func (s *xmlScanner) skipDirective() error {
	var inquote byte
	depth := 0
	for {
		b, ok := s.mustgetc()
		if !ok {
			return s.err
		}
		if inquote == 0 && b == '>' && depth == 0 {
			return nil
		}
	handle:
		switch {
		case b == inquote:
			inquote = 0
		case inquote != 0:
		case b == '\'' || b == '"':
			inquote = b
		case b == '>':
			depth--
		case b == '<':
			for i := range 3 {
				if b, ok = s.mustgetc(); !ok {
					return s.err
				}
				if b != "!--"[i] {
					depth++
					goto handle
				}
			}
			var b0, b1 byte
			for {
				if b, ok = s.mustgetc(); !ok {
					return s.err
				}
				if b0 == '-' && b1 == '-' && b == '>' {
					break
				}
				b0, b1 = b1, b
			}
		}
	}
}
