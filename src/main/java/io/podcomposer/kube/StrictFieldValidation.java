package io.podcomposer.kube;

import java.io.IOException;

import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Asks for {@code fieldValidation=Strict} on every server-side apply, dry run or not, as
 * kubectl does since 1.27: the API server then refuses what it would otherwise only warn
 * about (a field given twice) instead of dropping it. client-java's generic
 * {@code PatchOptions} cannot say so.
 */
final class StrictFieldValidation implements Interceptor {

	static final String PARAMETER = "fieldValidation";

	private static final String APPLY_PATCH = "application/apply-patch+yaml";

	@Override
	public Response intercept(Chain chain) throws IOException {
		Request request = chain.request();
		MediaType type = (request.body() == null) ? null : request.body().contentType();
		boolean apply = "PATCH".equals(request.method()) && type != null
				&& APPLY_PATCH.equals(type.type() + "/" + type.subtype());
		if (!apply || request.url().queryParameter(PARAMETER) != null) {
			return chain.proceed(request);
		}
		HttpUrl url = request.url().newBuilder().addQueryParameter(PARAMETER, "Strict").build();
		return chain.proceed(request.newBuilder().url(url).build());
	}

}
