#include "stream.h"

#include <errno.h>
#include <string.h>

CgStatus cg_stream_check(FILE *stream, const char *what, CgDiagSink *sink)
{
    errno = 0;
    if (fflush(stream) || ferror(stream)) {
        cg_diag(sink, CG_SEV_ERROR, CG_ERR_IO, NULL, 0, 0, "cannot write %s: %s", what,
                errno ? strerror(errno) : "write error");
        return CG_ERR_IO;
    }
    return CG_OK;
}
