package data

import (
	"fmt"
	"slices"
)

// thousandfold is how many times its column's median an amount must be to
// look typed in £000 among £m: "about 1,000 times", allowing for the
// amount's own place in the column (4,100 for 4.1 where the median is 3 is
// 1,367 times).
const thousandfold = 300

// minAmountsForMedian is how many amounts a column needs before its median
// says what is usual in it.
const minAmountsForMedian = 4

// amountRead is one amount as read, kept until its column is read whole.
type amountRead struct {
	num   int    // the row's number
	found string // the cell as found
	col   string
	value float64
}

// keepAmount records an amount read, in a group of amounts that should be
// of a size (a column, or the NATIONAL rows of a column).
func (c *columns) keepAmount(group string, r row, col string, v float64) {
	if v <= 0 {
		return
	}
	if c.amounts == nil {
		c.amounts = map[string][]amountRead{}
	}
	reads, ok := c.amounts[group]
	if !ok {
		reads = make([]amountRead, 0, len(c.body))
	}
	c.amounts[group] = append(reads, amountRead{num: r.num, found: c.cell(r, col), col: col, value: v})
}

// checkThousandfold refuses an amount about 1,000 times its column's
// median, which read as £000 would be an amount like the others: one row
// typed in £000 among £m (4,100 for 4.1) passes every fixed limit, but
// turns a £5.6bn programme into £13.8bn. Only a person can say whether it
// is a typing slip or a real outlier. (A £10m award among £30k ones is
// large, but as £000 it would be smaller than any: it is not refused.)
func (c *columns) checkThousandfold(ps *problemList) {
	groups := make([]string, 0, len(c.amounts))
	for g := range c.amounts {
		groups = append(groups, g)
	}
	slices.Sort(groups)
	for _, g := range groups {
		reads := c.amounts[g]
		if len(reads) < minAmountsForMedian {
			continue
		}
		vs := make([]float64, len(reads))
		for i, a := range reads {
			vs[i] = a.value
		}
		slices.Sort(vs)
		med := vs[len(vs)/2]
		if len(vs)%2 == 0 {
			med = (vs[len(vs)/2-1] + vs[len(vs)/2]) / 2
		}
		for _, a := range reads {
			if a.value < thousandfold*med || !amongOthers(a.value/1000, a.value, vs) {
				continue
			}
			ps.add(c.problem(row{num: a.num}, a.col, a.found, fmt.Sprintf("%s; this is %s times the column's median (%s), which looks like an amount typed in £000 among £m (%s would be %s): write it in the column's unit, or check it",
				c.schema.field(a.col).want, formatThousands(int(a.value/med+0.5)), formatFloat(med), formatFloat(a.value), formatFloat(a.value/1000))))
		}
	}
}

// amongOthers reports whether x lies within the range of the sorted
// amounts vs other than self, give or take a factor of two.
func amongOthers(x, self float64, vs []float64) bool {
	lo, hi, seen := 0.0, 0.0, false
	skipped := false
	for _, v := range vs {
		if v == self && !skipped {
			skipped = true
			continue
		}
		if !seen {
			lo, seen = v, true
		}
		hi = v
	}
	return seen && x >= lo/2 && x <= hi*2
}
