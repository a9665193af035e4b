//! PostgreSQL's side of [`super::Value`]: binding a value to whatever type the server inferred for
//! the parameter, and reading any column Tandem's schema or its queries produce.

use bytes::BytesMut;
use postgres::types::{FromSql, IsNull, ToSql, Type};

use super::{Error, Result, Value, ValueRef};

type BoxError = Box<dyn std::error::Error + Sync + Send>;

/// A [`Value`] as a PostgreSQL parameter.
#[derive(Debug)]
pub struct PgParam<'a>(&'a Value);

pub fn params(values: &[Value]) -> Vec<PgParam<'_>> {
    values.iter().map(PgParam).collect()
}

fn refuse(value: &Value, ty: &Type) -> BoxError {
    format!("cannot bind {value:?} to a parameter of type {ty}").into()
}

impl ToSql for PgParam<'_> {
    fn to_sql(&self, ty: &Type, out: &mut BytesMut) -> std::result::Result<IsNull, BoxError> {
        let v = self.0;
        match v {
            Value::Null => Ok(IsNull::Yes),
            Value::Integer(i) => match *ty {
                Type::INT8 => i.to_sql(ty, out),
                Type::INT4 => i32::try_from(*i)?.to_sql(ty, out),
                Type::INT2 => i16::try_from(*i)?.to_sql(ty, out),
                Type::FLOAT8 => (*i as f64).to_sql(ty, out),
                Type::FLOAT4 => (*i as f32).to_sql(ty, out),
                Type::BOOL => (*i != 0).to_sql(ty, out),
                Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME | Type::UNKNOWN => {
                    i.to_string().as_str().to_sql(ty, out)
                }
                _ => Err(refuse(v, ty)),
            },
            Value::Real(f) => match *ty {
                Type::FLOAT8 => f.to_sql(ty, out),
                Type::FLOAT4 => (*f as f32).to_sql(ty, out),
                Type::INT8 if f.fract() == 0.0 => (*f as i64).to_sql(ty, out),
                _ => Err(refuse(v, ty)),
            },
            Value::Text(s) => match *ty {
                Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME | Type::UNKNOWN => {
                    s.as_str().to_sql(ty, out)
                }
                Type::JSON | Type::JSONB => {
                    if *ty == Type::JSONB {
                        out.extend_from_slice(&[1]);
                    }
                    out.extend_from_slice(s.as_bytes());
                    Ok(IsNull::No)
                }
                _ => Err(refuse(v, ty)),
            },
            Value::Blob(b) => match *ty {
                Type::BYTEA => b.as_slice().to_sql(ty, out),
                _ => Err(refuse(v, ty)),
            },
            Value::TextList(items) => match *ty {
                Type::TEXT_ARRAY | Type::VARCHAR_ARRAY => {
                    let refs: Vec<&str> = items.iter().map(String::as_str).collect();
                    refs.to_sql(ty, out)
                }
                _ => Err(refuse(v, ty)),
            },
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    postgres::types::to_sql_checked!();
}

/// PostgreSQL's NUMERIC, read as the nearest `f64` (Tandem's sums of integers and hours).
struct Numeric(f64);

impl<'a> FromSql<'a> for Numeric {
    fn from_sql(_: &Type, raw: &'a [u8]) -> std::result::Result<Self, BoxError> {
        // Binary NUMERIC: ndigits, weight, sign, dscale (i16 each), then base-10000 digits.
        let word = |i: usize| -> std::result::Result<i16, BoxError> {
            raw.get(2 * i..2 * i + 2)
                .map(|b| i16::from_be_bytes([b[0], b[1]]))
                .ok_or_else(|| "truncated numeric".into())
        };
        let ndigits = usize::try_from(word(0)?)?;
        let weight = i32::from(word(1)?);
        let sign = word(2)? as u16;
        if sign == 0xC000 {
            return Ok(Numeric(f64::NAN));
        }
        let mut value = 0f64;
        for i in 0..ndigits {
            let digit = f64::from(word(4 + i)?);
            value += digit * 10000f64.powi(weight - i as i32);
        }
        Ok(Numeric(if sign == 0x4000 { -value } else { value }))
    }

    fn accepts(ty: &Type) -> bool {
        *ty == Type::NUMERIC
    }
}

fn get<'r, T: FromSql<'r>>(row: &'r postgres::Row, column: usize) -> Result<Option<T>> {
    Ok(row.try_get::<usize, Option<T>>(column)?)
}

/// The value at `column` of a PostgreSQL row, as the engine-neutral [`ValueRef`].
pub fn value_at(row: &postgres::Row, column: usize) -> Result<ValueRef<'_>> {
    let ty = match row.columns().get(column) {
        Some(c) => c.type_().clone(),
        None => {
            return Err(Error::Conversion {
                column,
                message: format!("no column {column}"),
            })
        }
    };
    let value = match ty {
        Type::INT8 => get::<i64>(row, column)?.map(ValueRef::Integer),
        Type::INT4 => get::<i32>(row, column)?.map(|v| ValueRef::Integer(i64::from(v))),
        Type::INT2 => get::<i16>(row, column)?.map(|v| ValueRef::Integer(i64::from(v))),
        Type::BOOL => get::<bool>(row, column)?.map(|v| ValueRef::Integer(i64::from(v))),
        Type::FLOAT8 => get::<f64>(row, column)?.map(ValueRef::Real),
        Type::FLOAT4 => get::<f32>(row, column)?.map(|v| ValueRef::Real(f64::from(v))),
        Type::NUMERIC => get::<Numeric>(row, column)?.map(|n| ValueRef::Real(n.0)),
        Type::BYTEA => get::<&[u8]>(row, column)?.map(ValueRef::Blob),
        _ => get::<&str>(row, column)?.map(ValueRef::Text),
    };
    Ok(value.unwrap_or(ValueRef::Null))
}
