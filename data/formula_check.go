package data

// checkFormulas walks the formulas of the tables read (and of the sheets
// they refer to) and marks each formula cell whose value depends on a
// circular reference, whatever value it saved: Excel saves 0 or the last
// of its iterations, and neither is a result. It returns the graph, which
// calculate consults before it lets excelize calculate a cell.
func (wb *workbook) checkFormulas(tables []*table) (*formulaGraph, error) {
	g := newFormulaGraph(wb)
	for _, t := range tables {
		sf := wb.fsheets[t.wbSheet]
		for c := range sf.cells {
			g.visit(int32(t.wbSheet), int32(c))
		}
	}
	if g.err != nil {
		return nil, g.err
	}
	for _, t := range tables {
		s := int32(t.wbSheet)
		sf := wb.fsheets[s]
		for i := range t.rows {
			r := &t.rows[i]
			for j := range r.cells {
				cl := &r.cells[j]
				if cl.formula == noFormula {
					continue
				}
				if k := sf.find(int32(r.num), cl.col); k >= 0 && g.st(s, k).cycle >= 0 {
					cl.formula = circular
					t.setWhy(r.num, cl.col, g.circularWhy(s, k))
				}
			}
		}
	}
	return g, nil
}
