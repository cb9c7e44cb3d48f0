package com.example.shop;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.beans.XMLDecoder;
import java.io.InputStream;
import java.io.ObjectInputStream;

// No ObjectInputFilter anywhere in this file: every native read is flagged.
public class Deserialization {
    Object load(InputStream in) throws Exception {
        // ruleid: JAVA-DESERIALIZATION
        ObjectInputStream ois = new ObjectInputStream(in);
        // ruleid: JAVA-DESERIALIZATION
        return ois.readObject();
    }

    Object loadBean(InputStream in) {
        // ruleid: JAVA-DESERIALIZATION
        try (XMLDecoder decoder = new java.beans.XMLDecoder(in)) {
            // ruleid: JAVA-DESERIALIZATION
            return decoder.readObject();
        }
    }

    // ok: JAVA-DESERIALIZATION
    private void readObject(ObjectInputStream stream) throws Exception {
        // ok: JAVA-DESERIALIZATION
        stream.defaultReadObject();
    }

    Object readOrder(ObjectMapper mapper, InputStream in) throws Exception {
        // ok: JAVA-DESERIALIZATION
        String doc = "never call new ObjectInputStream(in).readObject()";
        // ok: JAVA-DESERIALIZATION
        // Object legacy = new ObjectInputStream(in).readObject();
        // ok: JAVA-DESERIALIZATION
        return mapper.readValue(in, Order.class);
    }

    void mappers() {
        ObjectMapper mapper = new ObjectMapper();
        // ruleid: JAVA-JACKSON-DEFAULT-TYPING
        mapper.activateDefaultTyping(mapper.getPolymorphicTypeValidator(), ObjectMapper.DefaultTyping.NON_FINAL);
        JsonMapper json = JsonMapper.builder()
            // ruleid: JAVA-JACKSON-DEFAULT-TYPING
            .activateDefaultTyping(LaissezFaireSubTypeValidator.instance)
            .build();
        // ok: JAVA-JACKSON-DEFAULT-TYPING
        mapper.deactivateDefaultTyping();
        // ok: JAVA-JACKSON-DEFAULT-TYPING
        String note = "do not call mapper.enableDefaultTyping()";
        // ok: JAVA-JACKSON-DEFAULT-TYPING
        // mapper.enableDefaultTyping();
    }

    // ok: JAVA-JACKSON-DEFAULT-TYPING
    void enableDefaultTyping() {}
}
