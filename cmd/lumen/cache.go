package main

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
)

// programVersion names this program for the build cache: the SHA-256 of
// its executable, so that a cache written by any other build of Lumen —
// another release, or a developer's change — is never trusted.
func programVersion() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	f, err := os.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
}
