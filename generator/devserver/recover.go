package devserver

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/lumen-ssg/lumen/generator/diag"
)

// recoverPanic, deferred at the top of ServeHTTP, turns a panic met while
// serving r (a bug in Lumen or in a template function, while rendering a
// page) into the error view, so that the writer sees it in the browser and
// the server goes on serving other requests. The view carries the
// live-reload script, so the page comes back by itself after the next
// successful build.
func (s *Server) recoverPanic(w http.ResponseWriter, r *http.Request) {
	v := recover()
	if v == nil {
		return
	}
	if v == http.ErrAbortHandler {
		panic(v) // net/http's way to end a response quietly
	}
	resp := s.errorPage(&diag.Error{
		Msg:  fmt.Sprintf("Lumen failed while serving %s: %v", r.URL.Path, v),
		Hint: "this is a bug in Lumen, not in your site; please report it with the page that shows it. Other pages are still served",
	})
	body := inject(resp.body, hashOf(resp.body), nil)
	h := w.Header()
	h.Del("Content-Length")
	h.Set("Content-Type", resp.contentType)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(resp.status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}
