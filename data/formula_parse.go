package data

import (
	"strconv"
	"strings"
)

// A formula is read only as far as corecast needs it: the cells and names
// it refers to, to find circular references, and its functions and text
// literals, to bound what calculating it could take (see formula_graph.go).
// It is never evaluated here; excelize does that.

// fref is a reference in a formula: a cell or a rectangle of cells, on the
// formula's own sheet or a named one. Rows count from 1, columns from 0, as
// the tables have them.
type fref struct {
	sheet          string // "" for the formula's own sheet
	r1, c1, r2, c2 int32
	// Which ends are absolute ($): a shared formula's copies move the
	// others.
	absR1, absC1, absR2, absC2 bool
	wholeCols, wholeRows       bool // A:C (every row), 3:5 (every column)
}

// Excel's last row and column (0-based).
const (
	excelRows    = 1_048_576
	excelLastCol = 16_383
)

// ftermKind is what one term of a formula is.
type ftermKind uint8

const (
	fLit     ftermKind = iota // a text literal
	fNum                      // a number literal
	fOther                    // a boolean, an error value
	fRef                      // a reference (ref)
	fName                     // a defined name (name)
	fCall                     // a function call (name, args)
	fDynamic                  // a reference corecast cannot follow: another workbook, a table column, a 3-D or spilled range, a range built with ':' from a function
)

// fterm is one term of a formula.
type fterm struct {
	kind  ftermKind
	units int     // fLit: its length, as Excel counts characters
	num   float64 // fNum
	ref   int32   // fRef: its index in the formula's refs
	name  string  // fName: upper case; fCall: the function, upper case, without a _xlfn. prefix
	sheet string  // fName: the sheet a name is qualified with, if any
	args  []fexpr // fCall
}

// fexpr is an expression: its terms, with the parentheses around them left
// out and of the operators between them only whether one joins text (&):
// what bounds the length of its result is then the sum of its terms', and
// otherwise (arithmetic, comparison) a number's.
type fexpr struct {
	terms  []fterm
	concat bool
}

// add appends e's terms to x, as a bracketed group joins its expression.
func (x *fexpr) add(e fexpr) {
	x.terms = append(x.terms, e.terms...)
	x.concat = x.concat || e.concat
}

// formula is a parsed formula.
type formula struct {
	expr  fexpr
	refs  []fref  // every reference, in order
	names []fterm // every defined name used
	bad   bool    // nested deeper than Excel allows: not read
	// odd marks a formula that is not well formed (two terms with no
	// operator between them, a bracket or quote left open, a character
	// that has no place): what excelize makes of it may not be what was
	// read here, so it is not calculated.
	odd bool
	// parts counts its terms, references and names: what it holds in
	// memory, which loads bound in all.
	parts int
}

// maxFormulaDepth bounds the nesting of a formula read; Excel allows 64
// levels of functions, and a deeper formula is refused rather than read
// with a stack as deep as the file likes.
const maxFormulaDepth = 256

// parseFormula reads a formula's text as a workbook stores it (without the
// leading "=").
func parseFormula(s string) *formula {
	p := &fparser{s: s, f: &formula{}}
	for p.i < len(p.s) {
		p.f.expr.add(p.expr(0))
		if p.i < len(p.s) {
			p.i++ // a closing bracket or separator without its opening
			p.f.odd = true
		}
	}
	p.f.parts = len(p.f.refs) + len(p.f.names) + countTerms(p.f.expr)
	return p.f
}

// countTerms counts the terms of e and of every call in it.
func countTerms(e fexpr) int {
	n := len(e.terms)
	for _, t := range e.terms {
		for _, a := range t.args {
			n += countTerms(a)
		}
	}
	return n
}

type fparser struct {
	s string
	i int
	f *formula
}

// expr reads terms up to a closing bracket, a separator or the end, which
// it leaves unread.
func (p *fparser) expr(depth int) fexpr {
	var out fexpr
	if depth > maxFormulaDepth {
		p.f.bad = true
		p.i = len(p.s)
		return out
	}
	want := true   // an operand is due, not an operator
	space := false // white space since the last term
	operand := func(t fterm) {
		if !want {
			// Two terms with nothing but white space between them are
			// references intersecting (A:A 2:2); anything else is amiss,
			// an empty group's "()" before a term among it.
			if n := len(out.terms); n == 0 || !space || !isRefTerm(out.terms[n-1]) || !isRefTerm(t) {
				p.f.odd = true
			}
		}
		out.terms = append(out.terms, t)
		want, space = false, false
	}
	for p.i < len(p.s) {
		ch := p.s[p.i]
		switch {
		case ch == ')' || ch == ',' || ch == '}' || ch == ';':
			if want && len(out.terms) > 0 {
				p.f.odd = true // an operator with nothing after it
			}
			return out
		case ch == '(' || ch == '{':
			g := p.group(depth)
			if !want {
				p.f.odd = true
			}
			out.add(g)
			want, space = false, false
		case ch == '"':
			operand(fterm{kind: fLit, units: p.stringLit()})
		case ch == '\'':
			operand(p.afterSheet(p.quotedSheet()))
		case ch == '[':
			p.skipExternal()
			operand(fterm{kind: fDynamic})
		case ch == '#':
			p.errorLit()
			operand(fterm{kind: fOther})
		case ch >= '0' && ch <= '9' || ch == '.':
			operand(p.number())
		case wordStart(ch):
			operand(p.word(depth))
		case ch == ':':
			// A range operator this reader did not take with a reference:
			// one end is a function's result.
			p.i++
			out.terms = append(out.terms, fterm{kind: fDynamic})
			want = true
		case ch == '&':
			p.i++
			out.concat, want = true, true
		case strings.IndexByte("+-*/^=<>", ch) >= 0:
			p.i++
			want = true
		case ch == '%':
			p.i++ // a percentage: follows its operand
			if want {
				p.f.odd = true
			}
		case ch == '@':
			p.i++ // implicit intersection: comes before its operand
		case ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r':
			p.i++
			space = true
		default:
			p.i++
			p.f.odd = true
		}
	}
	if want && len(out.terms) > 0 {
		p.f.odd = true
	}
	return out
}

// isRefTerm reports whether t stands for cells, as a reference or a name.
func isRefTerm(t fterm) bool { return t.kind == fRef || t.kind == fName }

// group reads a bracketed group, "(...)" or an array constant "{...}",
// whose items join the enclosing expression.
func (p *fparser) group(depth int) fexpr {
	closing := byte(')')
	if p.s[p.i] == '{' {
		closing = '}'
	}
	p.i++
	var out fexpr
	for {
		out.add(p.expr(depth + 1))
		if p.i < len(p.s) && (p.s[p.i] == ',' || p.s[p.i] == ';') {
			p.i++
			continue
		}
		break
	}
	if p.i < len(p.s) && p.s[p.i] == closing {
		p.i++
	} else {
		p.f.odd = true
	}
	return out
}

// call reads a function's arguments, after its name and "(".
func (p *fparser) call(name string, depth int) fterm {
	t := fterm{kind: fCall, name: name}
	for {
		t.args = append(t.args, p.expr(depth+1))
		if p.i < len(p.s) && p.s[p.i] == ',' {
			p.i++
			continue
		}
		break
	}
	if p.i < len(p.s) && p.s[p.i] == ')' {
		p.i++
	} else {
		p.f.odd = true
	}
	return t
}

// stringLit reads a "..." literal ("" inside is a quote) and returns its
// length in characters.
func (p *fparser) stringLit() int {
	p.i++
	start := p.i
	quotes := 0
	for p.i < len(p.s) {
		if p.s[p.i] == '"' {
			if p.i+1 < len(p.s) && p.s[p.i+1] == '"' {
				p.i += 2
				quotes++
				continue
			}
			n := textUnits(p.s[start:p.i]) - quotes
			p.i++
			return n
		}
		p.i++
	}
	p.f.odd = true
	return textUnits(p.s[start:]) - quotes
}

// quotedSheet reads a quoted sheet name, 'Sheet name' (” inside is a
// quote).
func (p *fparser) quotedSheet() string {
	p.i++
	var b strings.Builder
	for p.i < len(p.s) {
		if p.s[p.i] == '\'' {
			if p.i+1 < len(p.s) && p.s[p.i+1] == '\'' {
				b.WriteByte('\'')
				p.i += 2
				continue
			}
			p.i++
			break
		}
		b.WriteByte(p.s[p.i])
		p.i++
	}
	return b.String()
}

// skipBrackets passes a [...] group, nested ones included: a reference to
// another workbook ([1]Sheet1!A1) or a table's columns (Table1[Opex]).
func (p *fparser) skipBrackets() {
	depth := 0
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case '[':
			depth++
		case ']':
			depth--
		}
		p.i++
		if depth == 0 {
			return
		}
	}
}

// skipExternal passes a reference to another workbook, [1]Sheet1!A1 or
// '[1]Sheet 1'!A1 or [1]!Name, without taking its cell as one of this
// workbook's.
func (p *fparser) skipExternal() {
	p.skipBrackets()
	if p.i < len(p.s) && p.s[p.i] == '\'' {
		p.quotedSheet()
	} else {
		p.readWord()
	}
	if p.i < len(p.s) && p.s[p.i] == '!' {
		p.i++
		p.readWord()
		if p.i < len(p.s) && p.s[p.i] == ':' {
			p.i++
			p.readWord()
		}
	}
}

// errorLit passes an error value such as #REF! or #N/A.
func (p *fparser) errorLit() {
	p.i++
	for p.i < len(p.s) {
		ch := p.s[p.i]
		if ch >= 'A' && ch <= 'Z' || ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9' || ch == '/' || ch == '_' {
			p.i++
			continue
		}
		if ch == '!' || ch == '?' {
			p.i++
		}
		return
	}
}

// number reads a number, or a range of whole rows such as 3:5.
func (p *fparser) number() fterm {
	start := p.i
	for p.i < len(p.s) && (p.s[p.i] >= '0' && p.s[p.i] <= '9' || p.s[p.i] == '.') {
		p.i++
	}
	if p.i < len(p.s) && p.s[p.i] == ':' {
		if t, ok := p.rangeFrom("", p.s[start:p.i]); ok {
			return t
		}
	}
	if p.i < len(p.s) && (p.s[p.i] == 'e' || p.s[p.i] == 'E') {
		j := p.i + 1
		if j < len(p.s) && (p.s[j] == '+' || p.s[j] == '-') {
			j++
		}
		if j < len(p.s) && p.s[j] >= '0' && p.s[j] <= '9' {
			p.i = j
			for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
				p.i++
			}
		}
	}
	v, _ := strconv.ParseFloat(p.s[start:p.i], 64)
	return fterm{kind: fNum, num: v}
}

func wordStart(ch byte) bool {
	return ch >= 'A' && ch <= 'Z' || ch >= 'a' && ch <= 'z' || ch == '_' || ch == '\\' || ch == '$' || ch >= 0x80
}

func wordByte(ch byte) bool {
	return wordStart(ch) || ch >= '0' && ch <= '9' || ch == '.' || ch == '?'
}

// readWord reads a run of name characters.
func (p *fparser) readWord() string {
	start := p.i
	for p.i < len(p.s) && wordByte(p.s[p.i]) {
		p.i++
	}
	return p.s[start:p.i]
}

// word reads what starts with a name character: a function call, a sheet
// name before "!", a reference, TRUE or FALSE, or a defined name.
func (p *fparser) word(depth int) fterm {
	w := p.readWord()
	if p.i < len(p.s) {
		switch p.s[p.i] {
		case '!':
			return p.afterSheet(w)
		case '(':
			p.i++
			return p.call(functionName(w), depth)
		case '[':
			p.skipBrackets()
			return fterm{kind: fDynamic}
		}
	}
	if t, ok := p.refFrom("", w); ok {
		return t
	}
	switch strings.ToUpper(w) {
	case "TRUE", "FALSE":
		return fterm{kind: fOther}
	}
	t := fterm{kind: fName, name: strings.ToUpper(w)}
	p.f.names = append(p.f.names, t)
	return t
}

// functionName is a function's name as the calculation tables know it:
// upper case, without the prefixes files give newer functions.
func functionName(w string) string {
	w = strings.ToUpper(w)
	for _, pre := range []string{"_XLFN._XLWS.", "_XLFN.", "_XLWS."} {
		w = strings.TrimPrefix(w, pre)
	}
	return w
}

// afterSheet reads what follows "Sheet!": a reference, an error value or
// a name qualified with the sheet.
func (p *fparser) afterSheet(sheet string) fterm {
	if p.i >= len(p.s) || p.s[p.i] != '!' {
		p.f.odd = true
		return fterm{kind: fDynamic} // a quoted name not followed by '!'
	}
	p.i++
	if strings.Contains(sheet, ":") {
		// A 3-D reference across sheets; its cells are not followed.
		p.readWord()
		return fterm{kind: fDynamic}
	}
	if p.i < len(p.s) && p.s[p.i] == '#' {
		p.errorLit()
		return fterm{kind: fOther}
	}
	start := p.i
	for p.i < len(p.s) && (wordByte(p.s[p.i])) {
		p.i++
	}
	w := p.s[start:p.i]
	if t, ok := p.refFrom(sheet, w); ok {
		return t
	}
	if w == "" {
		p.f.odd = true
		return fterm{kind: fDynamic}
	}
	t := fterm{kind: fName, name: strings.ToUpper(w), sheet: sheet}
	p.f.names = append(p.f.names, t)
	return t
}

// refFrom reads w, just read, as a cell (with the range it may start) or
// the start of a range of columns or rows.
func (p *fparser) refFrom(sheet, w string) (fterm, bool) {
	if p.i < len(p.s) && p.s[p.i] == ':' {
		return p.rangeFrom(sheet, w)
	}
	r, c, absR, absC, ok := cellPart(w)
	if !ok {
		return fterm{}, false
	}
	return p.addRef(fref{sheet: sheet, r1: r, c1: c, r2: r, c2: c, absR1: absR, absC1: absC, absR2: absR, absC2: absC}), true
}

// rangeFrom reads the rest of a range whose first end w is read and whose
// ':' is next: A1:B5, A:C or 3:5.
func (p *fparser) rangeFrom(sheet, w string) (fterm, bool) {
	save := p.i
	p.i++ // ':'
	w2 := p.readWord()
	if w2 == "" || p.i < len(p.s) && p.s[p.i] == '!' {
		p.i = save
		return fterm{}, false
	}
	ref := fref{sheet: sheet}
	if r1, c1, ar1, ac1, ok := cellPart(w); ok {
		r2, c2, ar2, ac2, ok := cellPart(w2)
		if !ok {
			p.i = save
			return fterm{}, false
		}
		ref.r1, ref.c1, ref.absR1, ref.absC1 = r1, c1, ar1, ac1
		ref.r2, ref.c2, ref.absR2, ref.absC2 = r2, c2, ar2, ac2
	} else if c1, ac1, ok := colPart(w); ok {
		c2, ac2, ok := colPart(w2)
		if !ok {
			p.i = save
			return fterm{}, false
		}
		ref.r1, ref.r2, ref.absR1, ref.absR2, ref.wholeCols = 1, excelRows, true, true, true
		ref.c1, ref.c2, ref.absC1, ref.absC2 = c1, c2, ac1, ac2
	} else if r1, ar1, ok := rowPart(w); ok {
		r2, ar2, ok := rowPart(w2)
		if !ok {
			p.i = save
			return fterm{}, false
		}
		ref.c1, ref.c2, ref.absC1, ref.absC2, ref.wholeRows = 0, excelLastCol, true, true, true
		ref.r1, ref.r2, ref.absR1, ref.absR2 = r1, r2, ar1, ar2
	} else {
		p.i = save
		return fterm{}, false
	}
	return p.addRef(ref.ordered()), true
}

// addRef keeps a reference and returns its term; a spilled range (A1#) is
// kept for its first cell and marked as one corecast cannot follow.
func (p *fparser) addRef(r fref) fterm {
	p.f.refs = append(p.f.refs, r)
	t := fterm{kind: fRef, ref: int32(len(p.f.refs) - 1)}
	if p.i < len(p.s) && p.s[p.i] == '#' {
		p.i++
		return fterm{kind: fDynamic}
	}
	return t
}

// ordered puts a rectangle's ends in order, as B5:A1 means A1:B5.
func (r fref) ordered() fref {
	if r.r1 > r.r2 {
		r.r1, r.r2, r.absR1, r.absR2 = r.r2, r.r1, r.absR2, r.absR1
	}
	if r.c1 > r.c2 {
		r.c1, r.c2, r.absC1, r.absC2 = r.c2, r.c1, r.absC2, r.absC1
	}
	return r
}

// cellPart reads a cell reference such as A1, $B$12 or xfd1048576.
func cellPart(w string) (row, col int32, absR, absC bool, ok bool) {
	i := 0
	if i < len(w) && w[i] == '$' {
		absC = true
		i++
	}
	j := i
	for j < len(w) && (w[j]|0x20) >= 'a' && (w[j]|0x20) <= 'z' {
		j++
	}
	c, okC := colNumber(w[i:j])
	if !okC {
		return 0, 0, false, false, false
	}
	if j < len(w) && w[j] == '$' {
		absR = true
		j++
	}
	r, okR := rowNumber(w[j:])
	if !okR {
		return 0, 0, false, false, false
	}
	return r, c, absR, absC, true
}

// colPart reads a column such as C or $AB.
func colPart(w string) (col int32, abs, ok bool) {
	if strings.HasPrefix(w, "$") {
		abs, w = true, w[1:]
	}
	col, ok = colNumber(w)
	return col, abs, ok
}

// rowPart reads a row such as 5 or $12.
func rowPart(w string) (row int32, abs, ok bool) {
	if strings.HasPrefix(w, "$") {
		abs, w = true, w[1:]
	}
	row, ok = rowNumber(w)
	return row, abs, ok
}

// colNumber reads column letters, A to XFD, as 0 to 16383.
func colNumber(s string) (int32, bool) {
	if s == "" || len(s) > 3 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		ch := s[i] | 0x20
		if ch < 'a' || ch > 'z' {
			return 0, false
		}
		n = n*26 + int(ch-'a'+1)
	}
	if n-1 > excelLastCol {
		return 0, false
	}
	return int32(n - 1), true
}

// rowNumber reads a row number, 1 to 1048576.
func rowNumber(s string) (int32, bool) {
	if s == "" || len(s) > 7 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	if n < 1 || n > excelRows {
		return 0, false
	}
	return int32(n), true
}

// shifted is the reference as a copy of a shared formula dr rows and dc
// columns from the formula's own cell has it: its relative ends moved. ok
// is false when an end moves off the sheet (Excel shows #REF!).
func (r fref) shifted(dr, dc int32) (fref, bool) {
	if dr == 0 && dc == 0 {
		return r, true
	}
	if !r.absR1 {
		r.r1 += dr
	}
	if !r.absR2 {
		r.r2 += dr
	}
	if !r.absC1 {
		r.c1 += dc
	}
	if !r.absC2 {
		r.c2 += dc
	}
	ok := r.r1 >= 1 && r.r2 <= excelRows && r.c1 >= 0 && r.c2 <= excelLastCol && r.r1 <= r.r2 && r.c1 <= r.c2
	return r, ok
}
