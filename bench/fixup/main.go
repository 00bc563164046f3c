// Command fixup readies sites made by ../shared/bench/gensite.py for
// Lumen's benchmarks, as package internal/benchsite describes:
//
//	go run ./bench/fixup SITE...
//
// It prints how many pages of each site it changed.
package main

import (
	"fmt"
	"os"

	"github.com/lumen-ssg/lumen/internal/benchsite"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: go run ./bench/fixup SITE...")
		os.Exit(2)
	}
	for _, dir := range os.Args[1:] {
		n, err := benchsite.Fixup(dir)
		if err != nil {
			fmt.Fprintln(os.Stderr, "fixup:", err)
			os.Exit(1)
		}
		fmt.Fprintf(os.Stderr, "fixup: %d pages of %s changed\n", n, dir)
	}
}
