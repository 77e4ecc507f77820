package format

import (
	"math"
	"testing"
)

func TestMoney(t *testing.T) {
	for _, c := range []struct {
		m    float64
		want string
	}{
		{5614.2, "£5.61bn"}, {-843.4, "-£843m"}, {18.34, "£18.3m"}, {1234.5, "£1.23bn"}, {999.6, "£1.00bn"}, {999.4, "£999m"},
	} {
		if got := Money(c.m); got != c.want {
			t.Errorf("Money(%g) = %q, want %q", c.m, got, c.want)
		}
	}
	if got := DeltaMoney(843.4); got != "+£843m" {
		t.Errorf("DeltaMoney = %q", got)
	}
	if got := Int(10000); got != "10,000" {
		t.Errorf("Int = %q", got)
	}
	if got := Percent(0.031); got != "3.1%" {
		t.Errorf("Percent = %q", got)
	}
}

func TestCountQuantile(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{
		{16, "16"}, {29.10000000000001, "29.1"}, {64.10000000000001, "64.1"}, {15.9, "15.9"}, {0, "0"},
		{27.96, "28"}, {1234.5, "1234.5"}, {math.NaN(), "–"},
	} {
		if got := CountQuantile(c.v); got != c.want {
			t.Errorf("CountQuantile(%v) = %q, want %q", c.v, got, c.want)
		}
	}
}

func TestPercentile(t *testing.T) {
	for _, c := range []struct {
		p    float64
		want string
	}{{0.8, "P80"}, {0.5, "P50"}, {0.875, "P87.5"}, {0.95, "P95"}, {0.999, "P99.9"}} {
		if got := Percentile(c.p); got != c.want {
			t.Errorf("Percentile(%v) = %q, want %q", c.p, got, c.want)
		}
	}
}

func TestMoneyRange(t *testing.T) {
	for _, c := range []struct {
		lo, hi float64
		want   string
	}{{3830, 7620, "£3.8–7.6bn"}, {850, 1200, "£850m–£1.20bn"}, {12.5, 40, "£12.5m–£40.0m"}} {
		if got := MoneyRange(c.lo, c.hi); got != c.want {
			t.Errorf("MoneyRange(%v, %v) = %q, want %q", c.lo, c.hi, got, c.want)
		}
	}
}

// TestNoSignOnZero checks that a figure written as zero carries no sign.
func TestNoSignOnZero(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{Money(-0.01), "£0.0m"}, {MoneyM(-0.04), "£0.0m"}, {Number(-0.02), "0.0"},
		{DeltaMoney(0), "£0.0m"}, {DeltaMoney(-0.01), "£0.0m"}, {DeltaMoney(0.01), "£0.0m"},
		{DeltaMoney(2.5), "+£2.5m"}, {DeltaMoney(-2.5), "-£2.5m"},
		{DeltaPoints(-0.0001), "0.0 pts"}, {DeltaPoints(0.012), "+1.2 pts"},
		{Count(-0.01), "0.0"}, {CountQuantile(-0.01), "0"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestConfidence(t *testing.T) {
	for p, want := range map[float64]string{0.8: "80%", 0.875: "87.5%", 0.95: "95%", 0.05: "5%", 0.999: "99.9%"} {
		if got := Confidence(p); got != want {
			t.Errorf("Confidence(%v) = %q, want %q", p, got, want)
		}
	}
}

func TestErrorPercent(t *testing.T) {
	for _, c := range []struct {
		se   float64
		want string
	}{{0, "0.0%"}, {0.0042, "0.4%"}, {0.0005, "0.1%"}, {0.000316, "0.032%"}, {0.0001, "0.010%"}, {0.0000123, "0.0012%"}, {math.NaN(), "–"}} {
		if got := ErrorPercent(c.se); got != c.want {
			t.Errorf("ErrorPercent(%v) = %q, want %q", c.se, got, c.want)
		}
	}
}
