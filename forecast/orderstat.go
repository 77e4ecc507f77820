package forecast

import (
	"math"
	"math/bits"
	"slices"
)

// The order statistics of a whole series (DESIGN §6: seven percentiles, the
// least and the greatest value) are found by selection rather than by
// sorting: a million values need fourteen order statistics, and sorting all
// of them cost a tenth of a million-iteration run. A selector counts the
// values in buckets of their order keys (orderKey), finds the bucket that
// holds each wanted rank, copies out only those buckets' values and repeats
// on them until the values left are equal or few enough to sort. That is two
// or three passes over the series and no copy of it.
//
// For values without NaN and without −0 the order statistics are the same
// bits whatever the method: values that compare equal are then identical.
// Series with either are left to slices.Sort (seriesStats), whose placing of
// NaNs and of −0 against +0 is its own.

const (
	// selectSortBelow is the size of a group of values that is sorted
	// outright instead of counted in buckets.
	selectSortBelow = 256
	// selectMinBits and selectMaxBits bound log2 of the number of buckets.
	// Each pass narrows the span of keys by at least 2^selectMinBits, so
	// 64-bit keys are resolved within selectMaxDepth passes.
	selectMinBits  = 8
	selectMaxBits  = 16
	selectMaxDepth = 64 / selectMinBits
	// maxRanks is the most order statistics found in one call.
	maxRanks = 2*len(percentileLevels) + 2
)

// negZeroKey is the order key of −0.
const negZeroKey = 1<<63 - 1

// orderKey maps v to an unsigned integer whose order is v's: negative
// values have all their bits flipped (larger magnitude, smaller key),
// others only the sign bit. −0 comes just before +0; a NaN beyond ±Inf
// according to its sign bit. Branch-free, since series often mix signs.
func orderKey(v float64) uint64 {
	b := math.Float64bits(v)
	return b ^ (uint64(int64(b)>>63) | 1<<63)
}

// fromOrderKey is the inverse of orderKey.
func fromOrderKey(k uint64) float64 {
	return math.Float64frombits(k ^ (uint64(int64(^k)>>63) | 1<<63))
}

// keyRange returns the order keys of the least and greatest of x (not
// empty), and whether x is plain: it holds no NaN and no −0.
func keyRange(x []float64) (lo, hi uint64, plain bool) {
	lo, hi = math.MaxUint64, 0
	negZero := false
	for _, v := range x {
		k := orderKey(v)
		lo, hi = min(lo, k), max(hi, k)
		negZero = negZero || k == negZeroKey
	}
	nan := lo < orderKey(math.Inf(-1)) || hi > orderKey(math.Inf(1))
	return lo, hi, !nan && !negZero
}

// selector is one goroutine's scratch for finding order statistics. Its
// zero value is ready to use; it grows as the series need (a few hundred
// kB for a million values) and keeps what it has.
type selector struct {
	counts []uint32    // values per bucket
	slot   []uint8     // per bucket: 0, or 1 + which wanted bucket it is
	levels [][]float64 // the values copied out at each depth
}

// wanted is a bucket holding at least one wanted rank.
type wanted struct {
	bucket     int           // which bucket
	start, end int           // where its values are copied to
	lo, hi     uint64        // its least and greatest key, found while copying
	first      int           // index of its first rank in the ranks asked for
	ranks      [maxRanks]int // the ranks it holds, counted within it
	nRanks     int           // how many
}

// selectRanks sets out[j] to the value of 0-based rank ranks[j] among x,
// for ascending ranks (at most maxRanks, each below len(x)); lo and hi are
// the order keys of x's least and greatest values (keyRange), and x must be
// plain. x is not changed.
func (s *selector) selectRanks(x []float64, lo, hi uint64, ranks []int, out []float64) {
	s.selectAt(x, lo, hi, ranks, out, 0)
}

// selectAt is selectRanks on the values copied out at the given depth.
func (s *selector) selectAt(x []float64, lo, hi uint64, ranks []int, out []float64, depth int) {
	if lo == hi {
		// All equal, and plain values that compare equal are the same bits.
		for j := range ranks {
			out[j] = fromOrderKey(lo)
		}
		return
	}
	if len(x) <= selectSortBelow || depth >= selectMaxDepth {
		sorted := append(s.level(depth)[:0], x...)
		slices.Sort(sorted)
		for j, r := range ranks {
			out[j] = sorted[r]
		}
		s.levels[depth] = sorted
		return
	}
	nb := bits.Len(uint(len(x))) - 4 // about 16 values a bucket
	nb = min(max(nb, selectMinBits), selectMaxBits)
	shift := uint(max(0, bits.Len64(hi-lo)-nb))
	counts := s.count(x, lo, hi, shift)
	var ws [maxRanks]wanted
	w := wantedBuckets(counts, ranks, ws[:0])
	if w[len(w)-1].end > len(x)/8 {
		w = s.settle(x, lo, shift, w, out)
		if len(w) == 0 {
			return
		}
	}
	buf := s.gather(x, lo, shift, w, depth)
	for i := range w {
		b := &w[i]
		s.selectAt(buf[b.start:b.end], b.lo, b.hi, b.ranks[:b.nRanks], out[b.first:b.first+b.nRanks], depth+1)
	}
}

// level returns the copy-out buffer of a depth.
func (s *selector) level(depth int) []float64 {
	for len(s.levels) <= depth {
		s.levels = append(s.levels, nil)
	}
	return s.levels[depth]
}

// count counts x's values in buckets of keys, value v in bucket
// (orderKey(v) − lo) >> shift, and returns the counts of the buckets up to
// the one of hi.
func (s *selector) count(x []float64, lo, hi uint64, shift uint) []uint32 {
	m := int((hi-lo)>>shift) + 1
	if len(s.counts) < m {
		s.counts = make([]uint32, m)
		s.slot = make([]uint8, m)
	}
	c := s.counts[:m]
	clear(c)
	for _, v := range x {
		c[(orderKey(v)-lo)>>shift]++
	}
	return c
}

// wantedBuckets walks the bucket counts and returns the buckets holding the ranks,
// each with the ranks it holds (made relative to the bucket) and the place
// its values will take when copied out.
func wantedBuckets(counts []uint32, ranks []int, w []wanted) []wanted {
	below, j := 0, 0
	for b, c := range counts {
		if j == len(ranks) {
			break
		}
		end := below + int(c)
		if ranks[j] < end {
			start := 0
			if n := len(w); n > 0 {
				start = w[n-1].end
			}
			wb := wanted{bucket: b, start: start, end: start + int(c), lo: math.MaxUint64, first: j}
			for ; j < len(ranks) && ranks[j] < end; j++ {
				wb.ranks[wb.nRanks] = ranks[j] - below
				wb.nRanks++
			}
			w = append(w, wb)
		}
		below = end
	}
	return w
}

// settle finds each wanted bucket's least and greatest key in a pass over
// x that copies nothing. A bucket whose keys are all equal gives its ranks
// their value at once, and is not copied out; the others are returned,
// their places packed again. It is for series with heavy ties (whole
// numbers, many zeros), whose wanted buckets can hold most of the series:
// copying them out would take as much memory as the sorted copy that
// selection does without.
func (s *selector) settle(x []float64, lo uint64, shift uint, w []wanted, out []float64) []wanted {
	var klo, khi [maxRanks]uint64
	for i, b := range w {
		s.slot[b.bucket] = uint8(i + 1)
		klo[i] = math.MaxUint64
	}
	for _, v := range x {
		k := orderKey(v)
		if i := int(s.slot[(k-lo)>>shift]) - 1; i >= 0 {
			klo[i], khi[i] = min(klo[i], k), max(khi[i], k)
		}
	}
	keep, at := w[:0], 0
	for i, b := range w { // b is a copy: keep overwrites only what is read
		s.slot[b.bucket] = 0
		if klo[i] == khi[i] {
			for j := range b.nRanks {
				out[b.first+j] = fromOrderKey(klo[i])
			}
			continue
		}
		b.start, b.end = at, at+b.end-b.start
		at = b.end
		keep = append(keep, b)
	}
	return keep
}

// gather copies the values of the wanted buckets out of x, each bucket's to
// its own stretch of the depth's buffer, noting each bucket's least and
// greatest key. It returns the buffer.
func (s *selector) gather(x []float64, lo uint64, shift uint, w []wanted, depth int) []float64 {
	total := w[len(w)-1].end
	buf := slices.Grow(s.level(depth)[:0], total)[:total]
	s.levels[depth] = buf
	var pos [maxRanks]int
	for i, b := range w {
		s.slot[b.bucket] = uint8(i + 1)
		pos[i] = b.start
	}
	for _, v := range x {
		k := orderKey(v)
		i := int(s.slot[(k-lo)>>shift]) - 1
		if i < 0 {
			continue
		}
		buf[pos[i]] = v
		pos[i]++
		w[i].lo, w[i].hi = min(w[i].lo, k), max(w[i].hi, k)
	}
	for _, b := range w {
		s.slot[b.bucket] = 0
	}
	return buf
}
