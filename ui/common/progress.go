package common

import "sync/atomic"

// Progress is the progress of one background job. The job's goroutine writes
// it and the update loop reads it on each spinner tick, so it is atomic.
type Progress struct {
	done, total atomic.Int64
}

// Set records that done of total units are finished.
func (p *Progress) Set(done, total int) {
	p.total.Store(int64(total))
	p.done.Store(int64(done))
}

// Fraction returns the share finished, 0 when nothing is known yet.
func (p *Progress) Fraction() float64 {
	if p == nil {
		return 0
	}
	t := p.total.Load()
	if t <= 0 {
		return 0
	}
	return float64(p.done.Load()) / float64(t)
}
