package data

// maxScenarioDepth is how many tables and arrays a value in a scenario file
// may sit within. A scenario needs two ([unit_cost] and a distribution's
// inline table); the TOML parser's cost grows with the square of the depth,
// so a deeper file is refused before it is parsed.
const maxScenarioDepth = 4

// tomlDepthScan is a lexical pass over TOML text that measures how deeply
// tables and arrays nest, without parsing values. The depth of a value is
// the number of tables and arrays it sits within: the components of the
// current [table] or [[array]] header, the components of a dotted key before
// the last, and the inline tables and arrays around it. Brackets inside
// strings and comments are not counted. It stops at the first place deeper
// than its limit.
type tomlDepthScan struct {
	b     []byte
	i     int
	line  int
	limit int
	// stack holds, for each open inline table ('{') or array ('['), its
	// bracket and the depth of the values directly inside it.
	stack []tomlFrame
	// header is the depth of values in the current table: its header's components.
	header int
	// deepest is the first depth found above limit, and deepLine its line.
	deepest, deepLine int
}

type tomlFrame struct {
	open  byte
	depth int
}

// tomlNesting returns the line and depth of the first value in b nested more
// than limit tables and arrays deep, or ok = true when there is none.
func tomlNesting(b []byte, limit int) (line, depth int, ok bool) {
	s := &tomlDepthScan{b: b, line: 1, limit: limit}
	s.run()
	if s.deepest > 0 {
		return s.deepLine, s.deepest, false
	}
	return 0, 0, true
}

// reach records that a value sits d levels deep and reports whether the scan
// may go on.
func (s *tomlDepthScan) reach(d int) bool {
	if d > s.limit && s.deepest == 0 {
		s.deepest, s.deepLine = d, s.line
	}
	return s.deepest == 0
}

func (s *tomlDepthScan) run() {
	for s.i < len(s.b) && s.deepest == 0 {
		if len(s.stack) == 0 {
			s.lineStart()
			continue
		}
		s.value()
	}
}

// lineStart reads the start of a top-level line: a header, a key and its
// '=', or nothing; the value that follows is read by value.
func (s *tomlDepthScan) lineStart() {
	s.skipBlanks(false)
	if s.i >= len(s.b) {
		return
	}
	switch c := s.b[s.i]; c {
	case '\n':
		s.i++
		s.line++
		return
	case '#':
		s.comment()
		return
	case '[':
		s.i++
		if s.i < len(s.b) && s.b[s.i] == '[' {
			s.i++
		}
		n := s.key(']')
		if n > 0 {
			s.header = n
			s.reach(n)
		}
		s.restOfLine()
		return
	}
	if n := s.key('='); n > 0 {
		s.i++ // the '='
		if !s.reach(s.header + n - 1) {
			return
		}
		s.topValue(s.header + n - 1)
		return
	}
	s.restOfLine()
}

// topValue reads a top-level value whose depth is d, up to the end of its
// line (or, for an inline table or array, to the end of the line it closes on).
func (s *tomlDepthScan) topValue(d int) {
	for s.i < len(s.b) && s.deepest == 0 {
		if len(s.stack) > 0 {
			s.value()
			continue
		}
		switch c := s.b[s.i]; c {
		case '\n':
			return // lineStart counts the newline
		case '{', '[':
			s.open(c, d)
		default:
			s.token()
		}
	}
}

// restOfLine skips what is left of a top-level line after a header or
// something that is not a key, still counting brackets in it (the parser
// will reject them, but must not be handed them deep).
func (s *tomlDepthScan) restOfLine() { s.topValue(s.header) }

// open pushes an inline table or array opened at s.i by a value of depth d.
func (s *tomlDepthScan) open(c byte, d int) {
	s.i++
	if !s.reach(d + 1) {
		return
	}
	s.stack = append(s.stack, tomlFrame{open: c, depth: d + 1})
	if c == '{' {
		s.tableKey()
	}
}

// value reads inside the innermost open inline table or array.
func (s *tomlDepthScan) value() {
	top := s.stack[len(s.stack)-1]
	c := s.b[s.i]
	switch c {
	case '\n':
		s.i++
		s.line++
	case '{', '[':
		s.open(c, top.depth)
	case '}', ']':
		s.i++
		s.stack = s.stack[:len(s.stack)-1]
	case ',':
		s.i++
		if top.open == '{' {
			s.tableKey()
		}
	default:
		s.token()
	}
}

// tableKey reads a key and its '=' inside an inline table, and the value's
// depth: a dotted key puts it inside one more table per dot.
func (s *tomlDepthScan) tableKey() {
	s.skipBlanks(true)
	if s.i >= len(s.b) || s.b[s.i] == '}' {
		return
	}
	top := s.stack[len(s.stack)-1]
	n := s.key('=')
	if n == 0 {
		return
	}
	s.i++ // the '='
	d := top.depth + n - 1
	if !s.reach(d) || n == 1 {
		return
	}
	// The value of a dotted key sits deeper than its siblings: read it as
	// the only value of a frame of its own, closed by the next ',' or '}'.
	s.dotted(d)
}

// dotted reads the value of a dotted key inside an inline table, at depth d,
// up to the ',' or '}' that ends it.
func (s *tomlDepthScan) dotted(d int) {
	base := len(s.stack)
	for s.i < len(s.b) && s.deepest == 0 {
		if len(s.stack) > base {
			s.value()
			continue
		}
		switch c := s.b[s.i]; c {
		case ',', '}':
			return
		case '\n':
			s.i++
			s.line++
		case '{', '[':
			s.open(c, d)
		default:
			s.token()
		}
	}
}

// token skips one character, a string or a comment.
func (s *tomlDepthScan) token() {
	switch s.b[s.i] {
	case '"':
		s.str('"', true)
	case '\'':
		s.str('\'', false)
	case '#':
		s.comment()
	default:
		s.i++
	}
}

// key reads a possibly dotted key ending at the byte end ('=' or ']') and
// returns its number of components, leaving s.i at end; it returns 0, having
// read as far as it could, when what is there is not a key.
func (s *tomlDepthScan) key(end byte) int {
	n := 0
	for {
		s.skipBlanks(false)
		if s.i >= len(s.b) {
			return 0
		}
		switch c := s.b[s.i]; {
		case c == '"' || c == '\'':
			if s.triple(c) {
				return 0 // not a key; value reads the string
			}
			s.str(c, c == '"')
		case isBareKeyByte(c):
			for s.i < len(s.b) && isBareKeyByte(s.b[s.i]) {
				s.i++
			}
		default:
			return 0
		}
		n++
		s.skipBlanks(false)
		if s.i >= len(s.b) {
			return 0
		}
		switch s.b[s.i] {
		case '.':
			s.i++
		case end:
			if end == ']' {
				s.i++
				if s.i < len(s.b) && s.b[s.i] == ']' {
					s.i++
				}
			}
			return n
		default:
			return 0
		}
	}
}

// isBareKeyByte reports whether c may be part of a bare key. It is generous
// (any byte that has no other meaning in TOML), so that no key the parser
// accepts is missed.
func isBareKeyByte(c byte) bool {
	switch c {
	case ' ', '\t', '\r', '\n', '=', '.', '#', '"', '\'', '[', ']', '{', '}', ',':
		return false
	}
	return true
}

// skipBlanks skips spaces and tabs, and with newlines set also newlines and
// comments (as inside an inline table or array).
func (s *tomlDepthScan) skipBlanks(newlines bool) {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\r':
			s.i++
		case '\n':
			if !newlines {
				return
			}
			s.i++
			s.line++
		case '#':
			if !newlines {
				return
			}
			s.comment()
		default:
			return
		}
	}
}

// comment skips from '#' to the end of the line, leaving the newline.
func (s *tomlDepthScan) comment() {
	for s.i < len(s.b) && s.b[s.i] != '\n' {
		s.i++
	}
}

// triple reports whether three q quotes start at s.i.
func (s *tomlDepthScan) triple(q byte) bool {
	return s.i+2 < len(s.b) && s.b[s.i+1] == q && s.b[s.i+2] == q
}

// str skips a string starting at s.i with quote q: basic ("…", with
// backslash escapes) or literal ('…'), single-line or multi-line (three
// quotes, closed by the last three of a run of up to five). A single-line
// string ends at the end of its line even when unclosed.
func (s *tomlDepthScan) str(q byte, escapes bool) {
	if s.triple(q) {
		s.i += 3
		for s.i < len(s.b) {
			c := s.b[s.i]
			switch {
			case c == '\\' && escapes:
				s.i++
				if s.i < len(s.b) && s.b[s.i] == '\n' {
					s.line++
				}
			case c == '\n':
				s.line++
			case c == q && s.triple(q):
				s.i += 3
				for k := 0; k < 2 && s.i < len(s.b) && s.b[s.i] == q; k++ {
					s.i++
				}
				return
			}
			s.i++
		}
		return
	}
	s.i++
	for s.i < len(s.b) {
		switch c := s.b[s.i]; {
		case c == '\n':
			return
		case c == '\\' && escapes:
			s.i++
			if s.i < len(s.b) && s.b[s.i] == '\n' {
				return
			}
		case c == q:
			s.i++
			return
		}
		s.i++
	}
}
