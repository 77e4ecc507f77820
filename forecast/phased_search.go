package forecast

import (
	"encoding/binary"
	"math"
	"math/bits"
)

// The phased goal seek's search (DESIGN §7) is a local search over tables
// on the tolerance's grid. Lowering one year at a time gets stuck where no
// single year can fall without P dropping below the goal, yet moving money
// between years still buys the same P more cheaply: a little more early
// lets trusts start a year sooner, and a later year then needs much less.
// So the search also tries transfers: raise one year by k steps and lower
// another by more than that costs, as far as P holds. For each pair of
// years k is first the most that lowering the other year could pay for
// (moving a whole year's money), then each power of two from the table's
// largest year down to one step, so that a transfer too large to be found
// a step at a time (each small step alone loses P) is tried too.
//
// First-fit scheduling is not strictly monotone in the envelope, so a move
// is kept only when P ≥ goal was evaluated for the very table kept; nothing
// is inferred from neighbouring tables. Every move is tried in a fixed
// order and the first that helps is kept, so the answer depends only on
// the draws, not on the number of workers.

// The search's bounds: it stops when no move helps, or after this many
// passes, or when it has used this many evaluations (a count, not a time,
// so that the answer is the same on any machine). Every kept move lowers
// the objective and the grid holds finitely many tables cheaper than the
// uniform one, so the search ends anyway; the caps keep it short when the
// tolerance is fine against the uplift.
const (
	maxSearchPasses      = 32
	maxSearchEvaluations = 2000
)

// tableSearch holds one table of the search and what it needs to judge it.
type tableSearch struct {
	steps  []int64   // the table: steps of the tolerance in each year base_year … target_year
	weight []float64 // what £1m in each of those years costs by the objective
	goal   float64
	tol    float64
	pWith  func([]float64) (float64, error) // P with a table of £m by year offset
	buf    []float64                        // the table in £m, every modelled year (later years 0)
	evals  int
	most   int  // the evaluations allowed, maxSearchEvaluations
	capped bool // a cap stopped the search before no move helped
	// seen holds whether each table tried so far reaches the goal, keyed by
	// its steps: P depends on nothing else, so a table the search comes back
	// to (a later pass retries the moves that failed after its last kept
	// one, on the same table) costs no evaluation.
	seen map[string]bool
	key  []byte
}

// newTableSearch starts a search from uniform steps in each of the nYears
// years; the table passed to pWith has length nAll.
func newTableSearch(uniform int64, weight []float64, nAll int, goal, tol float64, pWith func([]float64) (float64, error)) *tableSearch {
	s := &tableSearch{steps: make([]int64, len(weight)), weight: weight, goal: goal, tol: tol, pWith: pWith,
		buf: make([]float64, nAll), most: maxSearchEvaluations, seen: map[string]bool{}}
	for y := range s.steps {
		s.steps[y] = uniform
	}
	return s
}

// table is the table in £m, each year an exact multiple of the tolerance
// (so --set reproduces it), into the search's buffer.
func (s *tableSearch) table() []float64 {
	for y, k := range s.steps {
		s.buf[y] = float64(k) * s.tol
	}
	return s.buf
}

// cost is the table's objective, in steps weighted by year.
func (s *tableSearch) cost() float64 {
	c := 0.0
	for y, k := range s.steps {
		c += float64(k) * s.weight[y]
	}
	return c
}

// holds reports whether the table reaches the goal, from seen when the
// table was tried before and otherwise by an evaluation. Once the
// evaluations are used up it reports false without evaluating: no move is
// then kept, and the search ends on a table known to hold.
func (s *tableSearch) holds() (bool, error) {
	s.key = s.key[:0]
	for _, k := range s.steps {
		s.key = binary.AppendVarint(s.key, k)
	}
	if ok, found := s.seen[string(s.key)]; found {
		return ok, nil
	}
	if s.evals >= s.most {
		s.capped = true
		return false, nil
	}
	s.evals++
	p, err := s.pWith(s.table())
	if err != nil {
		return false, err
	}
	s.seen[string(s.key)] = p >= s.goal
	return p >= s.goal, nil
}

// lower lowers year y as far as P ≥ goal holds, the other years held: it
// tries one step down (a single evaluation when y cannot fall, the usual
// case once the search has settled) and, when that holds, bisects between
// nothing and there. It reports whether y fell.
func (s *tableSearch) lower(y int) (bool, error) {
	keep := s.steps[y]
	if keep == 0 {
		return false, nil
	}
	s.steps[y] = keep - 1
	ok, err := s.holds()
	if err != nil || !ok {
		s.steps[y] = keep
		return false, err
	}
	lo, hi := int64(-1), keep-1 // P(hi) ≥ goal; lo = −1 means untried
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		s.steps[y] = mid
		ok, err := s.holds()
		if err != nil {
			s.steps[y] = keep
			return false, err
		}
		if ok {
			hi = mid
		} else {
			lo = mid
		}
	}
	s.steps[y] = hi
	return true, nil
}

// descend lowers each year in turn, latest first or earliest first, pass
// after pass, until a pass lowers none.
func (s *tableSearch) descend(latestFirst bool) error {
	n := len(s.steps)
	for pass := 0; pass < maxSearchPasses; pass++ {
		changed := false
		for k := range n {
			y := k
			if latestFirst {
				y = n - 1 - k
			}
			fell, err := s.lower(y)
			if err != nil {
				return err
			}
			changed = changed || fell
		}
		if !changed {
			return nil
		}
	}
	s.capped = true
	return nil
}

// transfer raises year i by k steps and lowers year j by the least that
// saves more than the raise costs; when P still holds it keeps the move and
// lowers j further, as far as P holds. It reports whether it moved.
func (s *tableSearch) transfer(i, j int, k int64) (bool, error) {
	m := s.repay(i, j, k)
	if s.steps[j] < m {
		return false, nil
	}
	before := s.cost()
	s.steps[i] += k
	s.steps[j] -= m
	ok := s.cost() < before // rounding aside, repay makes this so
	var err error
	if ok {
		ok, err = s.holds()
	}
	if err != nil || !ok {
		s.steps[i] -= k
		s.steps[j] += m
		return false, err
	}
	_, err = s.lower(j)
	return true, err
}

// repay is the least fall in year j, in steps, that saves more than a raise
// of k steps in year i costs.
func (s *tableSearch) repay(i, j int, k int64) int64 {
	return int64(math.Floor(float64(k)*s.weight[i]/s.weight[j])) + 1
}

// mostRaise is the largest raise of year i that lowering year j could still
// pay for: the raise whose repayment empties j, or nearly.
func (s *tableSearch) mostRaise(i, j int) int64 {
	k := int64(math.Ceil(float64(s.steps[j])*s.weight[j]/s.weight[i])) - 1
	for k > 0 && s.repay(i, j, k) > s.steps[j] {
		k--
	}
	return max(k, 0)
}

// transfers makes passes of transfers until a pass keeps none.
func (s *tableSearch) transfers(latestFirst bool) error {
	for pass := 0; pass < maxSearchPasses; pass++ {
		moved, err := s.transferPass(latestFirst)
		if err != nil || !moved {
			return err
		}
	}
	s.capped = true
	return nil
}

// transferPass tries the transfers between every ordered pair of years, in
// a fixed order: first the most that lowering the other year could pay
// for, then raises of each power of two, largest first. After each kept
// transfer it lowers every year as far as P holds. It reports whether it
// kept any.
func (s *tableSearch) transferPass(latestFirst bool) (bool, error) {
	n, moved := len(s.steps), false
	try := func(i, j int, k int64) error {
		if i == j || k < 1 {
			return nil
		}
		ok, err := s.transfer(i, j, k)
		if err == nil && ok {
			moved = true
			err = s.descend(latestFirst)
		}
		return err
	}
	for i := range n {
		for j := range n {
			if err := try(i, j, s.mostRaise(i, j)); err != nil {
				return false, err
			}
		}
	}
	for k := s.ladderTop(); k >= 1; k /= 2 {
		for i := range n {
			for j := range n {
				if err := try(i, j, k); err != nil {
					return false, err
				}
			}
		}
	}
	return moved, nil
}

// ladderTop is the largest power of two no greater than the table's
// largest year, in steps (0 for a table of nothing).
func (s *tableSearch) ladderTop() int64 {
	top := int64(0)
	for _, k := range s.steps {
		top = max(top, k)
	}
	if top == 0 {
		return 0
	}
	return int64(1) << (63 - bits.LeadingZeros64(uint64(top)))
}
