package dev.gitops.jsonnet.internal;

import dev.gitops.model.Value;
import upickle.core.ArrVisitor;
import upickle.core.ObjVisitor;
import upickle.core.Visitor;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Materialises an sjsonnet value straight into a model {@link Value}, counting the size the value
 * would have as compact JSON so that a runaway output stops at the configured cap instead of filling
 * the heap. Building the tree directly avoids writing and re-parsing JSON text.
 *
 * <p>It also hands each finished object that looks like a Kubernetes object (non-empty string
 * {@code apiVersion} and {@code kind}) to a consumer at once, while its nodes are still in the
 * processor's cache, unless it lies inside an object already known to look like one. sjsonnet
 * materialises keys in sorted order, so {@code apiVersion} and {@code kind} are known before
 * {@code metadata}, {@code spec} and so on, but after {@code data} or {@code items}: an object
 * there is handed over too, and the consumer must not rely on getting outermost objects only.
 */
final class ValueVisitor implements ujson.JsVisitor<Value, Value> {
    /** Thrown (unchecked) when the output passes the cap; sjsonnet wraps it, the engine unwraps it. */
    static final class OutputTooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutputTooLarge() {
            super("output too large", null, false, false);
        }
    }

    private static final Value TRUE = new Value.Bool(true);
    private static final Value FALSE = new Value.Bool(false);

    private final long maxBytes;
    private final Consumer<Value.Obj> objects;
    private long bytes;
    /** How many of the objects being materialised are known to look like Kubernetes objects. */
    private int openObjects;

    /**
     * @param maxBytes the cap on the output's compact-JSON size
     * @param objects told of each finished object with non-empty string apiVersion and kind that
     *        lies in no other such object known so far, on the materialising thread
     */
    ValueVisitor(long maxBytes, Consumer<Value.Obj> objects) {
        this.maxBytes = maxBytes;
        this.objects = objects;
    }

    /** The compact-JSON size of what was materialised so far (approximate for escaped strings). */
    long bytes() {
        return bytes;
    }

    private void count(long n) {
        bytes += n;
        if (bytes > maxBytes) {
            throw new OutputTooLarge();
        }
    }

    /** Numbers are doubles in Jsonnet; integral ones become integer decimals, others the shortest decimal. */
    static BigDecimal decimal(double d) {
        if (d == Math.rint(d) && !Double.isInfinite(d)) {
            if (Math.abs(d) < 9.0e18) {
                return BigDecimal.valueOf((long) d);
            }
            return new BigDecimal(d);
        }
        return BigDecimal.valueOf(d);
    }

    @Override
    public ArrVisitor<Value, Value> visitArray(int length, int index) {
        count(2);
        List<Value> items = new ArrayList<>(Math.max(length, 0));
        return new ArrVisitor<>() {
            @Override
            public Visitor<?, ?> subVisitor() {
                return ValueVisitor.this;
            }

            @Override
            public void visitValue(Value v, int index) {
                if (!items.isEmpty()) {
                    count(1);
                }
                items.add(v);
            }

            @Override
            public Value visitEnd(int index) {
                return new Value.Arr(items);
            }
        };
    }

    @Override
    public ObjVisitor<Value, Value> visitObject(int length, int index) {
        count(2);
        Value.Builder fields = Value.builder(length);
        return new ObjVisitor<>() {
            private String key;
            private boolean empty = true;
            private boolean apiVersion;
            private boolean kind;

            @Override
            public Visitor<?, ?> visitKey(int index) {
                return upickle.core.StringVisitor$.MODULE$;
            }

            @Override
            public void visitKeyValue(Object k) {
                key = k.toString();
                count(key.length() + 3 + (empty ? 0 : 1));
                empty = false;
            }

            @Override
            public Visitor<?, ?> subVisitor() {
                return ValueVisitor.this;
            }

            @Override
            public void visitValue(Value v, int index) {
                fields.put(key, v);
                if (v instanceof Value.Str s && !s.value().isEmpty() && !(apiVersion && kind)) {
                    if (key.equals("apiVersion")) {
                        apiVersion = true;
                    } else if (key.equals("kind")) {
                        kind = true;
                    } else {
                        return;
                    }
                    if (apiVersion && kind) {
                        openObjects++;
                    }
                }
            }

            @Override
            public Value visitEnd(int index) {
                Value.Obj o = fields.build();
                if (apiVersion && kind && --openObjects == 0) {
                    objects.accept(o);
                }
                return o;
            }
        };
    }

    @Override
    public Value visitNull(int index) {
        count(4);
        return Value.NULL;
    }

    @Override
    public Value visitFalse(int index) {
        count(5);
        return FALSE;
    }

    @Override
    public Value visitTrue(int index) {
        count(4);
        return TRUE;
    }

    @Override
    public Value visitFloat64(double d, int index) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            // sjsonnet lets some arithmetic overflow through; go-jsonnet stops at the operator.
            throw JsonnetErrors.error("numeric value is not finite (" + d + "): an arithmetic operation overflowed");
        }
        BigDecimal b = decimal(d);
        count(b.precision() + 2);
        return new Value.Num(b);
    }

    @Override
    public Value visitFloat64StringParts(CharSequence s, int decIndex, int expIndex, int index) {
        return visitFloat64(Double.parseDouble(s.toString()), index);
    }

    @Override
    public Value visitString(CharSequence s, int index) {
        count(s.length() + 2L);
        return new Value.Str(s.toString());
    }
}
