package forecast

// radixBits is the width of one digit of radixSortFrom: 2,048 counts, which
// stay in the first-level cache while a pass scatters.
const radixBits = 11

// radixSortFrom sorts keys in ascending order by a least-significant-digit
// radix sort of their bits from bit `from` up, using tmp (as long as keys)
// as the other half of each pass. It returns whichever of the two holds
// the result, and the other, free again. The keys must already be in ascending order of their low
// `from` bits: the passes are stable, so that order then settles ties in
// the high bits, and the keys come out fully sorted. Rank keys (rankKeys)
// are made that way, with the row in the low bits, and sort here in four
// passes instead of a comparison sort's twenty-odd compares a key.
//
// A digit that is the same in every key is skipped: its pass would move
// nothing.
func radixSortFrom(keys, tmp []uint64, from uint) (sorted, free []uint64) {
	const size = 1 << radixBits
	if len(keys) == 0 {
		return keys, tmp
	}
	// Every digit's counts in one pass; uint32 holds model.MaxIterations.
	var counts [(64 + radixBits - 1) / radixBits][size]uint32
	nd := (64 - int(from) + radixBits - 1) / radixBits
	for _, k := range keys {
		k >>= from
		for d := 0; d < nd; d++ {
			counts[d][k&(size-1)]++
			k >>= radixBits
		}
	}
	src, dst := keys, tmp[:len(keys)]
	for d := 0; d < nd; d++ {
		c := &counts[d]
		shift := from + uint(d*radixBits)
		if int(c[(src[0]>>shift)&(size-1)]) == len(src) {
			continue
		}
		// Counts to starting offsets.
		var at uint32
		for b, m := range c {
			c[b] = at
			at += m
		}
		for _, k := range src {
			b := (k >> shift) & (size - 1)
			dst[c[b]] = k
			c[b]++
		}
		src, dst = dst, src
	}
	return src, dst
}
