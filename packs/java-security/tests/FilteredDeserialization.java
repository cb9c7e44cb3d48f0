package com.example.shop;

import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;

// The streams of this file go through an ObjectInputFilter allow-list.
public class FilteredDeserialization {
    private static final ObjectInputFilter ORDERS =
        ObjectInputFilter.Config.createFilter("com.example.shop.Order;java.base/*;!*");

    Order load(InputStream in) throws Exception {
        // ok: JAVA-DESERIALIZATION
        ObjectInputStream ois = new ObjectInputStream(in);
        ois.setObjectInputFilter(ORDERS);
        // ok: JAVA-DESERIALIZATION
        return (Order) ois.readObject();
    }
}
