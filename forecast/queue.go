package forecast

import (
	"cmp"
	"math"
	"slices"
)

// queueBlock is how many waiting trusts share one least share in a queue:
// the walk passes over a block none of whose trusts fits this year's free
// envelope with one comparison instead of sixteen.
const queueBlock = 16

// queue is the schedule's waiting list for one iteration (DESIGN §5 step
// 5): every trust with a gap, in priority order. A trust that is not
// waiting (funded already, started, or unable to start before the horizon)
// has an infinite share, which fits no envelope, so the walk never starts
// it; no entry is ever moved.
type queue struct {
	at []pending
	// least is, for each block of queueBlock entries, the least share in
	// it: no trust of a block whose least is above the free envelope fits;
	// waits has a bit set for each entry of the block still waiting, so
	// that the walk visits those alone.
	least []float64
	waits []uint16
}

// newQueue returns a queue of m entries.
func newQueue(m int) queue {
	return queue{at: make([]pending, m),
		least: make([]float64, (m+queueBlock-1)/queueBlock), waits: make([]uint16, (m+queueBlock-1)/queueBlock)}
}

// notWaiting is the share of an entry that is not waiting.
var notWaiting = math.Inf(1)

// index sets every block's least share and the bits of its waiting
// entries.
func (q *queue) index() {
	for b := range q.least {
		block := q.block(b)
		least := math.Inf(1)
		var waits uint16
		for j, e := range block {
			least = min(least, e.share)
			waits |= bit(e.share < notWaiting) << j
		}
		q.least[b], q.waits[b] = least, waits
	}
}

// bit is 1 for true and 0 for false, without a branch.
func bit(c bool) uint16 {
	var b uint16
	if c {
		b = 1
	}
	return b
}

// block returns block b's entries.
func (q *queue) block(b int) []pending {
	lo := b * queueBlock
	return q.at[lo:min(lo+queueBlock, len(q.at))]
}

// leastShare is the least share of entries, +Inf if there are none. The
// shares are never NaN (the costing makes a NaN share infinite), so the
// builtin min, which takes no branch, gives it.
func leastShare(entries []pending) float64 {
	m := math.Inf(1)
	for _, e := range entries {
		m = min(m, e.share)
	}
	return m
}

// leastOf is the least of values, +Inf if there are none; none is NaN.
func leastOf(values []float64) float64 {
	m := math.Inf(1)
	for _, v := range values {
		m = min(m, v)
	}
	return m
}

// sortByNeed fills q with from's entries ordered by the iteration's need,
// least first, ties by code (the lowest-cost priority of DESIGN §5).
func (q *queue) sortByNeed(from *queue, need []float64, codeRank []int32) {
	copy(q.at, from.at)
	slices.SortFunc(q.at, func(a, b pending) int {
		return cmp.Or(cmp.Compare(need[a.trust], need[b.trust]), cmp.Compare(codeRank[a.trust], codeRank[b.trust]))
	})
}

// pending is a trust in the schedule's waiting list, with what the walk
// reads kept together.
type pending struct {
	share float64 // national money a year, £m
	spend float64 // national and local money a year, £m
	n     int32   // deployment years
	trust int32   // index of the trust
}
