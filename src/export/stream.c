#include "stream.h"

#include <errno.h>
#include <string.h>

CgStatus cg_stream_check_errno(FILE *stream, const char *what, int write_errno,
                               CgDiagSink *sink)
{
    errno = 0;
    if (fflush(stream) || ferror(stream)) {
        const int reason = errno ? errno : write_errno;
        cg_diag(sink, CG_SEV_ERROR, CG_ERR_IO, NULL, 0, 0, "cannot write %s: %s", what,
                reason ? strerror(reason) : "write error");
        return CG_ERR_IO;
    }
    return CG_OK;
}

CgStatus cg_stream_check(FILE *stream, const char *what, CgDiagSink *sink)
{
    return cg_stream_check_errno(stream, what, 0, sink);
}
