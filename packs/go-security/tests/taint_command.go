// GO-COMMAND-INJECTION: request data reaching a started command (data-flow rule).
package handlers

import (
	"context"
	"net/http"
	"os/exec"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
)

func convertArgs(name string) []string {
	return []string{name, "-resize", "64x64", "thumb.png"}
}

func versionArgs(name string) []string {
	return []string{"-version"}
}

func thumbnail(w http.ResponseWriter, r *http.Request) {
	file := r.FormValue("file")
	// ruleid: GO-COMMAND-INJECTION
	out, err := exec.Command("convert", convertArgs(file)...).Output()
	// ok: GO-COMMAND-INJECTION
	out, err = exec.Command("convert", versionArgs(file)...).Output()
	_, _ = out, err
}

func ping(w http.ResponseWriter, r *http.Request) {
	host := r.URL.Query().Get("host")
	line := "ping -c 1 " + host
	// ruleid: GO-EXEC-SHELL
	// ruleid: GO-COMMAND-INJECTION
	cmd := exec.Command("sh", "-c", line)
	count, err := strconv.Atoi(r.URL.Query().Get("count"))
	if err != nil {
		return
	}
	// ok: GO-COMMAND-INJECTION
	cmd = exec.Command("ping", "-c", strconv.Itoa(count), "localhost")
	_ = cmd.Run()
}

func archive(c *gin.Context) {
	ctx, cancel := context.WithTimeout(c, 10*time.Second)
	defer cancel()
	name := c.Param("name")
	// ruleid: GO-COMMAND-INJECTION
	exec.CommandContext(ctx, "tar", "czf", "/tmp/out.tgz", name).Run()
	name = "latest"
	// ok: GO-COMMAND-INJECTION
	exec.CommandContext(ctx, "tar", "czf", "/tmp/out.tgz", name).Run()
	// The keys of a map literal are told apart, and so are slots written one by one.
	known := map[string]string{"lint": "golangci-lint", "user": c.Query("tool")}
	// ok: GO-COMMAND-INJECTION
	exec.CommandContext(ctx, known["lint"], "run").Run()
	// ruleid: GO-COMMAND-INJECTION
	exec.CommandContext(ctx, known["user"], "run").Run()
	tools := map[string]string{}
	tools["lint"] = "golangci-lint"
	tools["user"] = c.Query("tool")
	// ok: GO-COMMAND-INJECTION
	exec.CommandContext(ctx, tools["lint"], "run").Run()
	// ruleid: GO-COMMAND-INJECTION
	exec.CommandContext(ctx, tools["user"], "run").Run()
}
