package forecast

import (
	"context"
	"runtime"
	"sync"
	"testing"
	"time"

	"corecast/model"
)

// heapPeak samples the heap in use every millisecond while it runs, so
// that a benchmark can report the high-water mark of a run (DESIGN §10:
// a million iterations in under 200 MB), not only what it allocated.
type heapPeak struct {
	stop chan struct{}
	wg   sync.WaitGroup
	peak uint64
}

// startHeapPeak begins sampling HeapInuse.
func startHeapPeak() *heapPeak {
	h := &heapPeak{stop: make(chan struct{})}
	h.wg.Add(1)
	go func() {
		defer h.wg.Done()
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			h.peak = max(h.peak, ms.HeapInuse)
			select {
			case <-h.stop:
				return
			case <-tick.C:
			}
		}
	}()
	return h
}

// done stops sampling and returns the peak HeapInuse in MB.
func (h *heapPeak) done() float64 {
	close(h.stop)
	h.wg.Wait()
	return float64(h.peak) / (1 << 20)
}

// BenchmarkRunPeak1M reports the peak heap in use of a million-iteration
// run of a sample-sized portfolio, each run starting from a collected heap.
func BenchmarkRunPeak1M(b *testing.B) {
	in := synthetic(217, 1)
	sc := model.DefaultScenario()
	sc.Iterations = 1_000_000
	benchPeak(b, func() error {
		_, err := Run(context.Background(), in, sc, Options{})
		return err
	})
}

// BenchmarkDrawInputsPeak1M reports the time, allocation and peak heap of
// the scenario-level draws alone for a million iterations on two workers.
func BenchmarkDrawInputsPeak1M(b *testing.B) {
	sc := model.DefaultScenario()
	sc.Iterations = 1_000_000
	p, err := newPlan(synthetic(10, 1), sc)
	if err != nil {
		b.Fatal(err)
	}
	benchPeak(b, func() error {
		_, err := drawInputs(p, sc.Iterations, 2)
		return err
	})
}

// benchPeak times f and reports its allocations and the highest peak heap
// of its runs, each starting from a collected heap.
func benchPeak(b *testing.B, f func() error) {
	b.ReportAllocs()
	var peak float64
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		runtime.GC()
		h := startHeapPeak()
		b.StartTimer()
		if err := f(); err != nil {
			b.Fatal(err)
		}
		peak = max(peak, h.done())
	}
	b.ReportMetric(peak, "peak-heap-MB")
}
