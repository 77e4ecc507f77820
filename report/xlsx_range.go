package report

// usedRange is the smallest rectangle of cells that hold something: what a
// sheet's <dimension> must declare, since readers such as openpyxl's
// read-only mode and Power Query read only that far.
type usedRange struct {
	c1, r1, c2, r2 int // 1-based corners; zero until a cell is added
}

// add extends the range to hold the cell at column col, row row.
func (u *usedRange) add(col, row int) {
	if u.c1 == 0 {
		*u = usedRange{col, row, col, row}
		return
	}
	u.c1, u.r1 = min(u.c1, col), min(u.r1, row)
	u.c2, u.r2 = max(u.c2, col), max(u.r2, row)
}

// ref writes the range as Excel does: "B2:F9", or one cell "A1" alone. A
// sheet without cells is declared as A1, as Excel declares it.
func (u usedRange) ref() string {
	if u.c1 == 0 {
		return "A1"
	}
	first := cellName(u.c1, u.r1)
	if u.c1 == u.c2 && u.r1 == u.r2 {
		return first
	}
	return first + ":" + cellName(u.c2, u.r2)
}
