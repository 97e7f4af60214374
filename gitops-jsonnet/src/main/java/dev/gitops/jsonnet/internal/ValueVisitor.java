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
 * Materialises an sjsonnet value straight into a model {@link Value}, bounded by an
 * {@link OutputBudget}. Building the tree directly avoids writing and re-parsing JSON text.
 *
 * <p>It also hands each finished object that looks like a Kubernetes object (non-empty string
 * {@code apiVersion} and {@code kind}) to a consumer at once, while its nodes are still in the
 * processor's cache, unless it lies inside an object already known to look like one. sjsonnet
 * materialises keys in sorted order, so {@code apiVersion} and {@code kind} are known before
 * {@code metadata}, {@code spec} and so on, but after {@code data} or {@code items}: an object
 * there is handed over too, and the consumer must not rely on getting outermost objects only.
 */
final class ValueVisitor implements ujson.JsVisitor<Value, Value> {
    private static final Value TRUE = new Value.Bool(true);
    private static final Value FALSE = new Value.Bool(false);

    private final OutputBudget budget;
    private final Consumer<Value.Obj> objects;
    /** How many of the objects being materialised are known to look like Kubernetes objects. */
    private int openObjects;

    /**
     * @param maxBytes the cap on the output's compact-JSON size
     * @param objects told of each finished object with non-empty string apiVersion and kind that
     *        lies in no other such object known so far, on the materialising thread
     */
    ValueVisitor(long maxBytes, Consumer<Value.Obj> objects) {
        this.budget = new OutputBudget(maxBytes);
        this.objects = objects;
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

    /** sjsonnet lets some arithmetic overflow through to the output; go-jsonnet stops at the operator. */
    static void requireFinite(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw JsonnetErrors.error("numeric value is not finite (" + d + "): an arithmetic operation overflowed");
        }
    }

    @Override
    public ArrVisitor<Value, Value> visitArray(int length, int index) {
        budget.container();
        List<Value> items = new ArrayList<>(Math.max(length, 0));
        return new ArrVisitor<>() {
            @Override
            public Visitor<?, ?> subVisitor() {
                return ValueVisitor.this;
            }

            @Override
            public void visitValue(Value v, int index) {
                budget.element(items.isEmpty());
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
        budget.container();
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
                budget.key(key, empty);
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
        budget.literal(4);
        return Value.NULL;
    }

    @Override
    public Value visitFalse(int index) {
        budget.literal(5);
        return FALSE;
    }

    @Override
    public Value visitTrue(int index) {
        budget.literal(4);
        return TRUE;
    }

    @Override
    public Value visitFloat64(double d, int index) {
        requireFinite(d);
        budget.number(d);
        return new Value.Num(decimal(d));
    }

    @Override
    public Value visitFloat64StringParts(CharSequence s, int decIndex, int expIndex, int index) {
        return visitFloat64(Double.parseDouble(s.toString()), index);
    }

    @Override
    public Value visitString(CharSequence s, int index) {
        budget.string(s);
        return new Value.Str(s.toString());
    }
}
