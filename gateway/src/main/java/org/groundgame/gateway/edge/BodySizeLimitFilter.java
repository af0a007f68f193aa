package org.groundgame.gateway.edge;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.groundgame.gateway.error.EdgeProblems;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Refuses a request body larger than {@code groundgame.gateway.max-body-size} (a
 * candidate's photo upload: {@code max-photo-size}) with a {@code 413} problem, before
 * any of it is sent on, and reads every body that fits ahead, on the request's own
 * thread, before the request goes any further.
 * <p>
 * A declared {@code Content-Length} above the limit is refused at once. A body of unknown
 * length (chunked) is read into memory up to one byte past the limit: a body that fits is
 * then sent on with its length; one that does not is refused, so no service ever receives
 * it, whole or in part.
 * <p>
 * Why every body is read ahead, a declared one too: the proxy sends a body to the service
 * from the HTTP client's own thread, reading the container's stream there. When the
 * service answers (or fails, or times out) before it has taken the whole body, the
 * gateway answers its client at once and the container ends the request, while that
 * thread may still be reading. Tomcat closes the connection after a {@code 503} and hands
 * the request's processor to the next connection, so a read still under way could take
 * bytes from another client's request (a client's next request, on a new connection, was
 * once refused as malformed before any filter saw it). Read ahead on the request's own
 * thread, a body is in memory, bounded by the limit, and nothing reads the container's
 * stream once the request is over.
 */
final class BodySizeLimitFilter extends OncePerRequestFilter {

	private final long maxBytes;

	private final long maxUploadBytes;

	private final List<PathPattern> uploads;

	BodySizeLimitFilter(DataSize maxBodySize, DataSize maxUploadSize, List<String> uploadPaths) {
		this.maxBytes = maxBodySize.toBytes();
		this.maxUploadBytes = maxUploadSize.toBytes();
		this.uploads = uploadPaths.stream().map(PathPatternParser.defaultInstance::parse).toList();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long limit = limitFor(request);
		long declared = request.getContentLengthLong();
		if (declared > limit) {
			refuse(request, response, limit);
			return;
		}
		boolean chunked = declared < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
		if (declared > 0 || chunked) {
			byte[] body = request.getInputStream().readNBytes(Math.toIntExact(chunked ? limit + 1 : declared));
			if (body.length > limit) {
				refuse(request, response, limit);
				return;
			}
			chain.doFilter(new BufferedBodyRequest(request, body), response);
			return;
		}
		chain.doFilter(request, response);
	}

	/**
	 * The photo uploads' limit on their paths (a PUT or a form's POST), else the body
	 * limit.
	 */
	private long limitFor(HttpServletRequest request) {
		if (this.uploads.isEmpty() || !("PUT".equals(request.getMethod()) || "POST".equals(request.getMethod()))) {
			return this.maxBytes;
		}
		PathContainer path = PathContainer.parsePath(request.getRequestURI());
		return this.uploads.stream().anyMatch((upload) -> upload.matches(path)) ? this.maxUploadBytes : this.maxBytes;
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
		EdgeProblems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, EdgeProblems.CONTENT_TOO_LARGE,
				"The request body is larger than the " + limit + " bytes accepted.", Map.of("maxBodySize", limit));
	}

	/**
	 * A request whose body was read ahead: its length is known, so it is sent on with a
	 * {@code Content-Length} (in place of {@code Transfer-Encoding} when it was chunked).
	 */
	private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		private Map<String, String[]> parameters;

		BufferedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream bytes = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return bytes.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return bytes.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return bytes.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("The body was read ahead; read it blocking");
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			return new BufferedReader(new InputStreamReader(getInputStream(), charset()));
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

		@Override
		public String getHeader(String name) {
			if (HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
				return String.valueOf(this.body.length);
			}
			return HttpHeaders.TRANSFER_ENCODING.equalsIgnoreCase(name) ? null : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			String single = getHeader(name);
			if (HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)
					|| HttpHeaders.TRANSFER_ENCODING.equalsIgnoreCase(name)) {
				return (single != null) ? Collections.enumeration(List.of(single)) : Collections.emptyEnumeration();
			}
			return super.getHeaders(name);
		}

		@Override
		public Enumeration<String> getHeaderNames() {
			Set<String> names = new LinkedHashSet<>();
			for (String name : Collections.list(super.getHeaderNames())) {
				if (!HttpHeaders.TRANSFER_ENCODING.equalsIgnoreCase(name)) {
					names.add(name);
				}
			}
			names.add(HttpHeaders.CONTENT_LENGTH);
			return Collections.enumeration(names);
		}

		// A form's parameters are in the body read ahead, out of the container's reach.

		@Override
		public String getParameter(String name) {
			String[] values = getParameterMap().get(name);
			return (values != null && values.length > 0) ? values[0] : null;
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(getParameterMap().keySet());
		}

		@Override
		public String[] getParameterValues(String name) {
			return getParameterMap().get(name);
		}

		@Override
		public synchronized Map<String, String[]> getParameterMap() {
			if (this.parameters == null) {
				this.parameters = isForm() ? withFormParameters(super.getParameterMap()) : super.getParameterMap();
			}
			return this.parameters;
		}

		private boolean isForm() {
			String contentType = getContentType();
			return contentType != null && MediaType.APPLICATION_FORM_URLENCODED
				.includes(MediaType.parseMediaType(contentType).removeQualityValue());
		}

		private Map<String, String[]> withFormParameters(Map<String, String[]> queryParameters) {
			Map<String, List<String>> merged = new LinkedHashMap<>();
			queryParameters.forEach(
					(name, values) -> merged.computeIfAbsent(name, (key) -> new ArrayList<>()).addAll(List.of(values)));
			Charset charset = charset();
			for (String pair : new String(this.body, charset).split("&")) {
				if (pair.isEmpty()) {
					continue;
				}
				int equals = pair.indexOf('=');
				String name = URLDecoder.decode((equals >= 0) ? pair.substring(0, equals) : pair, charset);
				String value = (equals >= 0) ? URLDecoder.decode(pair.substring(equals + 1), charset) : "";
				merged.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
			}
			Map<String, String[]> parameters = new LinkedHashMap<>();
			merged.forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
			return Collections.unmodifiableMap(parameters);
		}

		private Charset charset() {
			String encoding = getCharacterEncoding();
			return (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
		}

	}

}
