package org.groundgame.support.store;

import java.util.Collection;

import org.bson.Document;

import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Targeted updates of some fields of a stored document, written as the store's converter
 * writes the whole document.
 */
public final class DocumentFields {

	private DocumentFields() {
	}

	/**
	 * An update that gives each field the value the converter writes for it in the whole
	 * document: {@code $set} where it has one, {@code $unset} where it has none (the
	 * converter leaves a {@code null} out). For those fields, the stored document is then
	 * the one a replace with the whole document would leave.
	 * @param converter the store's converter
	 * @param document the document as it should be stored
	 * @param fields the top-level fields to write
	 * @return the update, to which more may be added
	 */
	public static Update setOrUnset(MongoConverter converter, Object document, Collection<String> fields) {
		Document written = new Document();
		converter.write(document, written);
		Update update = new Update();
		for (String field : fields) {
			Object value = written.get(field);
			if (value != null) {
				update.set(field, value);
			}
			else {
				update.unset(field);
			}
		}
		return update;
	}

}
