package data

import (
	"strings"
)

// The formulas of the sheets read, and of every sheet they refer to, make
// a graph: a formula cell links to the formula cells its references cover.
// A cell whose value depends on itself, directly or through others, is a
// circular reference: Excel saves 0 or the last of its iterations for it,
// excelize reads the cell's saved value in its own calculation, and neither
// is a result, so such a cell is a problem (formulaGraph.visit). For the
// cells corecast must calculate, the graph also bounds what excelize would
// do (formula_bound.go): the functions it calls, the text it could build
// and the cells it would read.

// Bounds on the work the graph may take.
const (
	// maxFormulaWork bounds the links between cells followed in one load:
	// a running total down 10,000 rows of formulas takes 50 million.
	maxFormulaWork = 100_000_000
	// maxNameDepth bounds defined names that stand for other names.
	maxNameDepth = 8
	// maxNameRefs bounds the references one defined name stands for.
	maxNameRefs = 10_000
)

// Colours of the depth-first walk.
const (
	white uint8 = iota // not reached
	grey               // on the walk's path
	black              // done
)

// nodeState is what the walk finds of one formula cell.
type nodeState struct {
	color uint8
	cycle int32 // the circular reference its value depends on (in formulaGraph.cycles), or -1
	frame int32 // while grey: its place on the walk's path
	seen  bool  // counted towards the cells excelize reads (calcArea)
	bound int64 // most characters its result could have
	why   string
}

// formulaGraph walks the formulas of a workbook.
type formulaGraph struct {
	wb     *workbook
	state  [][]nodeState // by sheet, by cell
	cycles []cycleInfo
	work   int64
	sheets map[string]int32 // upper-case sheet name -> index
	names  map[nameKey]*nameInfo
	err    error
	area   int64 // cells excelize reads for the formulas allowed so far
	// walked holds each range whose formula cells the walk has been
	// through, with the circular reference one of them depends on (or
	// -1), and stats what bounding found in each: a range many formulas
	// refer to (a column's total) is walked once.
	walked map[rangeKey]int32
	stats  map[rangeKey]rangeStats
}

// rangeKey is a rectangle of a sheet.
type rangeKey struct{ sheet, r1, c1, r2, c2 int32 }

func keyOf(s int32, r fref) rangeKey { return rangeKey{s, r.r1, r.c1, r.r2, r.c2} }

// rangeStats is what the formula cells of a range bring to a formula
// referring to it: how many, the sum and the most of their bounds, and
// why one of them may not be calculated.
type rangeStats struct {
	n, sum, most int64
	why          string
}

// cycleInfo is one circular reference found: the cells around it, or the
// defined name that stands for itself.
type cycleInfo struct {
	path string
	name bool // path is a name's
}

// sref is a reference resolved to a sheet.
type sref struct {
	sheet int32 // -1 when the workbook has no sheet of that name
	r     fref
	ok    bool // false when it lies off the sheet (#REF!)
}

// frame is one cell on the walk's path, with how far its links are walked.
type frame struct {
	s, c    int32
	k       int // the next of its references
	it      rangeIter
	itSheet int32
	inRange bool
	rkey    rangeKey
	rcycle  int32 // the circular reference a cell of the range being walked depends on, or -1
	cycle   int32
}

func newFormulaGraph(wb *workbook) *formulaGraph {
	g := &formulaGraph{wb: wb, state: make([][]nodeState, len(wb.sheets)), sheets: map[string]int32{}, names: map[nameKey]*nameInfo{},
		walked: map[rangeKey]int32{}, stats: map[rangeKey]rangeStats{}}
	for i, s := range wb.sheets {
		if _, dup := g.sheets[strings.ToUpper(s.name)]; !dup {
			g.sheets[strings.ToUpper(s.name)] = int32(i)
		}
	}
	if wb.fsheets == nil {
		wb.fsheets = make([]*sheetFormulas, len(wb.sheets))
	}
	return g
}

// sheetF returns sheet s's formulas, streaming the sheet for them the first
// time it is needed.
func (g *formulaGraph) sheetF(s int32) *sheetFormulas {
	if sf := g.wb.fsheets[s]; sf != nil {
		return sf
	}
	if err := g.wb.readSheetFormulas(g.wb.sheets[s]); err != nil {
		g.err = err
		return nil
	}
	return g.wb.fsheets[s]
}

// st returns the state of cell c of sheet s.
func (g *formulaGraph) st(s, c int32) *nodeState {
	if g.state[s] == nil {
		sf := g.wb.fsheets[s]
		g.state[s] = make([]nodeState, len(sf.cells))
		for i := range g.state[s] {
			g.state[s][i].cycle = -1
		}
	}
	return &g.state[s][c]
}

// sheetOf resolves a sheet name in a formula on sheet s ("" for s itself).
func (g *formulaGraph) sheetOf(name string, s int32) int32 {
	if name == "" {
		return s
	}
	if i, ok := g.sheets[strings.ToUpper(name)]; ok {
		return i
	}
	return -1
}

// refAt returns the k-th reference of cell c of sheet s: those its formula
// writes, moved for a shared formula's copy, then those of the names it
// uses. more is false past the last.
func (g *formulaGraph) refAt(s, c int32, k int) (r sref, more bool) {
	sf := g.wb.fsheets[s]
	cl := sf.cells[c]
	if cl.f < 0 {
		return sref{}, false
	}
	f := sf.formulas[cl.f]
	if k < len(f.refs) {
		fr := f.refs[k]
		moved, ok := fr.shifted(cl.dr, cl.dc)
		return sref{sheet: g.sheetOf(fr.sheet, s), r: moved, ok: ok}, true
	}
	k -= len(f.refs)
	for _, t := range f.names {
		info := g.name(s, t, 0)
		if k < len(info.refs) {
			return info.refs[k], true
		}
		k -= len(info.refs)
	}
	return sref{}, false
}

// visit walks the formulas reached from cell c of sheet s, depth first,
// finding each circular reference on the way and, once a cell's links are
// all walked, what its result could take (finish).
func (g *formulaGraph) visit(s, c int32) {
	if g.err != nil || g.st(s, c).color != white {
		return
	}
	stack := []frame{{s: s, c: c, cycle: -1, rcycle: -1}}
	g.st(s, c).color, g.st(s, c).frame = grey, 0
	for len(stack) > 0 && g.err == nil {
		top := &stack[len(stack)-1]
		ns, nc, ok := g.nextLink(top)
		if g.err != nil {
			return
		}
		if !ok {
			if top.cycle < 0 {
				top.cycle = g.circularName(top.s, top.c)
			}
			done := *top
			stack = stack[:len(stack)-1]
			g.finish(done)
			if n := len(stack); n > 0 && done.cycle >= 0 {
				stack[n-1].tainted(done.cycle)
			}
			continue
		}
		st := g.st(ns, nc)
		switch st.color {
		case white:
			st.color, st.frame = grey, int32(len(stack))
			stack = append(stack, frame{s: ns, c: nc, cycle: -1, rcycle: -1})
		case grey:
			id := g.newCycle(stack[st.frame:])
			for i := st.frame; i < int32(len(stack)); i++ {
				if stack[i].cycle < 0 {
					stack[i].cycle = id
				}
			}
			top.tainted(id)
		case black:
			if st.cycle >= 0 {
				top.tainted(st.cycle)
			}
		}
	}
}

// nextLink returns the next formula cell the frame's cell refers to.
func (g *formulaGraph) nextLink(fr *frame) (s, c int32, ok bool) {
	for {
		if lim := g.wb.lim.maxLinks; g.work > lim {
			g.err = refuse(g.wb.file, "has formulas too many or too entangled to check for circular references (more than %s links between cells); corecast reads workbooks up to that", formatThousands(int(lim)))
			return 0, 0, false
		}
		if fr.inRange {
			if k, ok := fr.it.next(&g.work); ok {
				return fr.itSheet, k, true
			}
			fr.inRange = false
			g.walked[fr.rkey] = fr.rcycle
		}
		r, more := g.refAt(fr.s, fr.c, fr.k)
		if !more {
			return 0, 0, false
		}
		fr.k++
		g.work++
		if !r.ok || r.sheet < 0 {
			continue
		}
		key := keyOf(r.sheet, r.r)
		if cycle, done := g.walked[key]; done {
			if cycle >= 0 && fr.cycle < 0 {
				fr.cycle = cycle
			}
			continue
		}
		sf := g.sheetF(r.sheet)
		if sf == nil {
			return 0, 0, false
		}
		fr.it, fr.itSheet, fr.inRange, fr.rkey, fr.rcycle = newRangeIter(sf, r.r), r.sheet, true, key, -1
	}
}

// tainted records that the cell the frame walked to last depends on the
// circular reference id, and so the frame's cell and the range being
// walked.
func (fr *frame) tainted(id int32) {
	if fr.cycle < 0 {
		fr.cycle = id
	}
	if fr.inRange && fr.rcycle < 0 {
		fr.rcycle = id
	}
}

// newCycle records the circular reference through the cells of path, as
// "E2 → F2 → E2" (cells of other sheets named with their sheet).
func (g *formulaGraph) newCycle(path []frame) int32 {
	const shown = 6
	var parts []string
	for i, fr := range path {
		if i == shown {
			parts = append(parts, "…")
			break
		}
		parts = append(parts, g.cellLabel(fr.s, fr.c, path[0].s))
	}
	parts = append(parts, g.cellLabel(path[0].s, path[0].c, path[0].s))
	g.cycles = append(g.cycles, cycleInfo{path: strings.Join(parts, " → ")})
	return int32(len(g.cycles) - 1)
}

// cellLabel names cell c of sheet s as a message does: E2 on sheet home,
// Calc!B3 on another.
func (g *formulaGraph) cellLabel(s, c, home int32) string {
	cl := g.wb.fsheets[s].cells[c]
	name := cellName(int(cl.col), int(cl.row))
	if s != home {
		name = shortText(g.wb.sheets[s].name) + "!" + name
	}
	return name
}

// finish settles a cell whose links are all walked: it depends on a
// circular reference, or it has a bound and a verdict on calculation.
func (g *formulaGraph) finish(fr frame) {
	st := g.st(fr.s, fr.c)
	st.color = black
	if fr.cycle >= 0 {
		st.cycle = fr.cycle
		return
	}
	st.bound, st.why = g.evalCell(fr.s, fr.c)
}

// circularWhy says, for a cell that depends on a circular reference, how.
func (g *formulaGraph) circularWhy(s, c int32) string {
	st := g.st(s, c)
	cy := g.cycles[st.cycle]
	switch {
	case cy.name && strings.HasPrefix(cy.path, g.cellLabel(s, c, s)+" uses "):
		return cy.path
	case cy.name:
		return "it depends on a circular reference: " + cy.path
	case strings.HasPrefix(cy.path, g.cellLabel(s, c, s)+" → "):
		return "its value depends on itself: " + cy.path
	}
	return "it depends on a circular reference: " + cy.path
}

// circularName returns the circular reference of a name the formula of
// cell c of sheet s uses which stands for itself (Rate defined as Rate*2),
// or -1 when it uses none.
func (g *formulaGraph) circularName(s, c int32) int32 {
	cl := g.wb.fsheets[s].cells[c]
	if cl.f < 0 {
		return -1
	}
	for _, t := range g.wb.fsheets[s].formulas[cl.f].names {
		if g.name(s, t, 0).circular {
			g.cycles = append(g.cycles, cycleInfo{name: true,
				path: g.cellLabel(s, c, s) + " uses the name " + shortText(t.name) + ", which stands for itself"})
			return int32(len(g.cycles) - 1)
		}
	}
	return -1
}

// nameKey identifies a defined name as a formula on a sheet uses it.
type nameKey struct {
	name  string
	sheet int32 // the sheet of the formula using it
	qual  string
}

// nameInfo is a defined name resolved: its formula and the references it
// covers, those of names it uses included.
type nameInfo struct {
	f         *formula
	sheet     int32 // the sheet its unqualified references are on
	refs      []sref
	why       string // why a formula using it is not calculated, when it is not
	resolving bool   // being resolved: a name met again now stands for itself
	circular  bool   // it stands for itself, directly or through other names
}

// name resolves the name term t in a formula on sheet s: a name local to
// the sheet it is qualified with (or to s) first, then one of the whole
// workbook.
func (g *formulaGraph) name(s int32, t fterm, depth int) *nameInfo {
	key := nameKey{name: t.name, sheet: s, qual: t.sheet}
	if info, ok := g.names[key]; ok {
		return info
	}
	info := &nameInfo{sheet: s, f: &formula{}, resolving: true}
	g.names[key] = info // a name standing for itself ends here
	defer func() { info.resolving = false }()
	scope := s
	if t.sheet != "" {
		scope = g.sheetOf(t.sheet, s)
	}
	var def *definedName
	for i := range g.wb.names {
		n := &g.wb.names[i]
		if n.name != t.name {
			continue
		}
		if n.sheet == int(scope) {
			def = n
			break
		}
		if n.sheet < 0 && t.sheet == "" && def == nil {
			def = n
		}
	}
	switch {
	case def == nil:
		info.why = "it uses the name " + shortText(t.name) + ", which the workbook does not define"
		return info
	case depth >= maxNameDepth:
		info.why = "it uses names that stand for names more than " + formatThousands(maxNameDepth) + " deep"
		return info
	}
	info.f = parseFormula(strings.TrimPrefix(def.text, "="))
	if g.wb.formulaParts += info.f.parts; g.wb.formulaParts > g.wb.lim.maxParts && g.err == nil {
		g.err = g.wb.tooManyFormulas()
	}
	if info.f.bad {
		info.why = "it uses the name " + shortText(t.name) + ", which is nested deeper than corecast reads"
		info.f = &formula{}
		return info
	}
	for _, r := range info.f.refs {
		info.refs = append(info.refs, sref{sheet: g.sheetOf(r.sheet, s), r: r, ok: true})
	}
	for _, n := range info.f.names {
		inner := g.name(s, n, depth+1)
		if inner.resolving {
			inner.circular = true
		}
		info.circular = info.circular || inner.circular
		info.refs = append(info.refs, inner.refs...)
		if info.why == "" {
			info.why = inner.why
		}
	}
	if len(info.refs) > maxNameRefs && g.err == nil {
		// Names that stand for names can double the references at each
		// level; no workbook's names come near this.
		g.err = refuse(g.wb.file, "defines the name %s, which stands for more than %s references; the file looks damaged", shortText(t.name), formatThousands(maxNameRefs))
		info.refs = nil
	}
	return info
}
