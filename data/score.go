package data

import (
	"fmt"
	"strings"
)

// scoreRead is one maturity score as read, kept until the whole column has
// been read so that its scale can be checked.
type scoreRead struct {
	row   row
	value float64
	found string // the cell as found
}

// score reads a digital maturity score (0–100). A cell formatted as a
// percentage is read as one (0.62 shown as 62% is 62), as is text such as
// "62%", with a note. A blank gives present == false.
func (c *columns) score(r row, col string, required bool, ps *problemList) (v float64, present, ok bool) {
	want := c.schema.field(col).want
	cl, ok := c.usable(r, col, want, ps)
	if !ok {
		return 0, false, false
	}
	s := strings.TrimSpace(cl.text)
	found := s
	switch {
	case cl.kind == cellBlank || s == "":
		if required {
			ps.add(c.problem(r, col, "", want+" (required)"))
			return 0, false, false
		}
		return 0, false, true
	case !required && noScore[strings.ToLower(s)]:
		c.note(r, col, s, "read as no score")
		return 0, false, true
	case cl.kind == cellNumber && cl.format == fmtDate:
		ps.add(c.problem(r, col, dateText(cl.text), want+", not a date"))
		return 0, false, false
	case cl.kind == cellNumber:
		f, good := cellNumberValue(cl)
		if !good {
			ps.add(c.problem(r, col, s, want))
			return 0, false, false
		}
		v = f
		if cl.format == fmtPercent {
			v = roundNoise(f * 100)
			found = percentText(cl.text)
			if v >= 0 && v <= 100 {
				c.note(r, col, fmt.Sprintf("%s shown as %s → %s", s, found, formatFloat(v)), "a percentage read as maturity points")
			}
		}
	case strings.HasSuffix(s, "%"):
		f, good := parseStrict(strings.TrimSpace(strings.TrimSuffix(s, "%")))
		if !good {
			ps.add(c.problem(r, col, s, want))
			return 0, false, false
		}
		v = f
		if v >= 0 && v <= 100 {
			c.note(r, col, fmt.Sprintf("%s → %s", s, formatFloat(v)), "a percentage read as maturity points")
		}
	default:
		f, good := parseStrict(s)
		if !good {
			ps.add(c.problem(r, col, s, want+moneyHint(s)))
			return 0, false, false
		}
		v = f
	}
	if v < 0 || v > 100 {
		ps.add(c.problem(r, col, found, want))
		return 0, false, false
	}
	c.scores[col] = append(c.scores[col], scoreRead{row: r, value: v, found: found})
	return v, true, true
}

// noScore are what analysts write in an optional score column for a trust
// that has none.
var noScore = map[string]bool{"-": true, "–": true, "—": true, "n/a": true, "na": true, "none": true, "not assessed": true}

// checkScales refuses a score column on the wrong scale: one whose values
// all lie in 0–1 (a 0–1 scale, not the DMA's 0–100), or one that mixes
// values above 1.5 with non-zero values at or below 1 (on those rows).
func (c *columns) checkScales(ps *problemList) {
	for _, f := range c.schema.fields {
		reads := c.scores[f.name]
		if f.kind != kindScore || len(reads) == 0 {
			continue
		}
		var high, low, nonzero int
		for _, s := range reads {
			switch {
			case s.value > 1.5:
				high++
			case s.value > 0 && s.value <= 1:
				low++
			}
			if s.value > 0 {
				nonzero++
			}
		}
		switch {
		case nonzero > 0 && allAtMost(reads, 1):
			for _, s := range reads {
				ps.add(c.problem(s.row, f.name, s.found, f.want+": every value in the column lies in 0–1, which looks like a 0–1 scale; multiply by 100, or format the cells as percentages"))
			}
		case high > 0 && low > 0:
			for _, s := range reads {
				if s.value > 0 && s.value <= 1 {
					ps.add(c.problem(s.row, f.name, s.found, fmt.Sprintf("%s: the column's other values go above 1.5, so this looks like a 0–1 scale; write it on the 0–100 scale", f.want)))
				}
			}
		}
	}
}

func allAtMost(reads []scoreRead, hi float64) bool {
	for _, s := range reads {
		if s.value > hi {
			return false
		}
	}
	return true
}
