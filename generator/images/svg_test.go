package images

import "testing"

// TestDrawingSize reads the size an SVG is shown at from its root element.
func TestDrawingSize(t *testing.T) {
	for _, c := range []struct {
		name, svg string
		w, h      int
		ok        bool
	}{
		{"width and height", `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" width="480" height="440"></svg>`, 480, 440, true},
		{"px", `<svg width="480px" height="360.4px"/>`, 480, 360, true},
		{"viewBox only", `<?xml version="1.0"?><!-- a comment --><svg viewBox="0 0 640 360"/>`, 640, 360, true},
		{"viewBox with commas", `<svg viewBox="0,0,200,100"/>`, 200, 100, true},
		{"percent falls back to viewBox", `<svg width="100%" height="100%" viewBox="0 0 300 150"/>`, 300, 150, true},
		{"em and no viewBox", `<svg width="20em" height="10em"/>`, 0, 0, false},
		{"neither", `<svg xmlns="http://www.w3.org/2000/svg"/>`, 0, 0, false},
		{"not svg", `<html><body></body></html>`, 0, 0, false},
		{"zero", `<svg viewBox="0 0 0 0"/>`, 0, 0, false},
		{"empty", ``, 0, 0, false},
		{"not xml", "\x89PNG\r\n\x1a\n", 0, 0, false},
	} {
		w, h, ok := DrawingSize([]byte(c.svg))
		if w != c.w || h != c.h || ok != c.ok {
			t.Errorf("%s: DrawingSize = %d, %d, %v; want %d, %d, %v", c.name, w, h, ok, c.w, c.h, c.ok)
		}
	}
}
