package net.presence.operations;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/** A response that counts the body's bytes for the access log; only used while the log is on. */
final class CountingResponse extends HttpServletResponseWrapper {

    private long bytes;
    private ServletOutputStream stream;
    private PrintWriter writer;

    CountingResponse(HttpServletResponse response) {
        super(response);
    }

    long bytes() {
        return bytes;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            ServletOutputStream real = super.getOutputStream();
            stream = new ServletOutputStream() {
                @Override
                public void write(int b) throws IOException {
                    real.write(b);
                    bytes++;
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    real.write(b, off, len);
                    bytes += len;
                }

                @Override
                public void flush() throws IOException {
                    real.flush();
                }

                @Override
                public boolean isReady() {
                    return real.isReady();
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    real.setWriteListener(listener);
                }
            };
        }
        return stream;
    }

    /**
     * The real writer, counted as it is written to: the container's own writer keeps its rules (one
     * of writer or stream per response, flushed by the container). Bytes are counted as UTF-8.
     */
    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            PrintWriter real = super.getWriter();
            writer = new PrintWriter(new Writer() {
                @Override
                public void write(char[] chars, int off, int len) {
                    real.write(chars, off, len);
                    for (int i = off; i < off + len; i++) {
                        char c = chars[i];
                        bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
                    }
                }

                @Override
                public void flush() {
                    real.flush();
                }

                @Override
                public void close() {
                    real.close();
                }
            });
        }
        return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
        flushWriter();
        super.flushBuffer();
    }

    void flushWriter() {
        if (writer != null) {
            writer.flush();
        }
    }
}
