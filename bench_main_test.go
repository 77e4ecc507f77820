package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// TestBenchWholeProcess runs corecast bench at tiny sizes in a process of
// its own, so that the whole-process figures run corecast itself as child
// processes (this test binary, told by the environment it inherits to act
// as corecast). It exits 0 and measures every figure; no time is looked
// at, the machine being shared.
func TestBenchWholeProcess(t *testing.T) {
	cmd := corecast("bench", "--repeat", "1", "--iterations-scale", "0.001", "--json")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("corecast bench: %v\n%s", err, stderr.String())
	}
	var rep struct {
		Figures []struct {
			Key   string   `json:"key"`
			Label string   `json:"figure"`
			Value *float64 `json:"value"`
			Note  string   `json:"note"`
		} `json:"figures"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, stdout.String())
	}
	if len(rep.Figures) != 16 {
		t.Errorf("%d figures, want 16", len(rep.Figures))
	}
	seen := map[string]bool{}
	for _, f := range rep.Figures {
		seen[f.Key] = true
		// The ratios of two tiny times may be undefined; every figure
		// timed on its own is measured.
		if f.Value == nil && !strings.Contains(f.Key, "ratio") && !strings.Contains(f.Key, "adds") && f.Key != "wide_cores_busy" {
			t.Errorf("%s (%s) not measured: %s", f.Key, f.Label, f.Note)
		}
	}
	for _, k := range []string{"sensitivity_s", "process_json_s", "process_json_no_distribution_s", "process_xlsx_s",
		"process_xlsx_no_distribution_s", "process_batch_s", "process_batch_peak_mb"} {
		if !seen[k] {
			t.Errorf("no figure %s", k)
		}
	}
}

// TestBenchWholeProcessTable: the table has a row for every figure, none
// of them skipped.
func TestBenchWholeProcessTable(t *testing.T) {
	cmd := corecast("bench", "--repeat", "1", "--iterations-scale", "0.001")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("corecast bench: %v\n%s", err, stderr.String())
	}
	lines := strings.Split(stdout.String(), "\n")
	head := -1
	for i, l := range lines {
		if strings.HasPrefix(l, "figure ") {
			head = i
			break
		}
	}
	if head < 0 || len(lines) < head+17 {
		t.Fatalf("no table of 16 rows:\n%s", stdout.String())
	}
	for _, row := range lines[head+1 : head+17] {
		if row == "" || strings.Contains(row, "skipped") {
			t.Errorf("row %q", row)
		}
	}
	for _, want := range []string{"whole process: run 200 iterations, .json", "whole process: run 200 iterations, .xlsx, --no-distribution",
		"whole process: run 1,000 iterations, .json, --no-distribution", "its peak memory"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("no row %q:\n%s", want, stdout.String())
		}
	}
}
